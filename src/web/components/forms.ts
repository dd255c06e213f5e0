import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/**
 * Show an API error where the user will look: on the form fields the server named (dotted paths
 * become antd name paths), else as a message.
 */
export function applyApiError(form: FormInstance, e: unknown, showMessage: (text: string) => void): void {
  if (e instanceof ApiError) {
    const fields = Object.entries(e.fields);
    if (fields.length) {
      form.setFields(
        fields.map(([path, err]) => ({
          name: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
          errors: [err],
        })),
      );
    }
    showMessage(e.message);
    return;
  }
  showMessage(String(e));
}
