import { z } from 'zod';
import { HallView } from '../../shared/contracts/hall';
import { api } from '../api/client';
import { useApi } from '../api/use-api';

/** The halls in the signed-in user's scope (optionally of one center). */
export const useHalls = (centerId?: string) =>
  useApi(() => api('GET', '/hall/halls', { query: { centerId }, schema: z.array(HallView) }), [centerId]);

/** Kiosk, hall display and window display addresses (opened on the hall's screens, no login). */
export const screenPaths = {
  kiosk: (hallId: string) => `/hall/kiosk/${hallId}`,
  display: (hallId: string) => `/hall/display/${hallId}`,
  window: (windowId: string) => `/hall/window/${windowId}`,
  phone: (ticketId: string) => `/hall/t/${ticketId}`,
};

/** The case workstation's receive screen, opened from a ticket (从此号受理). */
export const receiveFromTicket = (ticketId: string, itemId: string | null) =>
  `/cases/receive?ticketId=${ticketId}${itemId ? `&itemId=${itemId}` : ''}`;
