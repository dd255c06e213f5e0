import { useCallback } from 'react';
import { z } from 'zod';
import { ItemDetail, ItemList, ItemVersionDetail, ReviewEntry } from '../../shared/contracts/catalog';
import type { Label } from '../../shared/contracts/catalog-labels';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { useLang } from '../i18n/i18n';

/** Data of the catalog screens, parsed with the shared contracts. */
export const useItems = (query: Record<string, unknown>) =>
  useApi(() => api('GET', '/catalog/items', { query, schema: ItemList }), [JSON.stringify(query)]);

export const useItemDetail = (id: string | undefined) =>
  useApi(
    () => (id ? api('GET', `/catalog/items/${id}`, { schema: ItemDetail }) : Promise.resolve(undefined)),
    [id],
  );

export const useVersion = (id: string | undefined) =>
  useApi(
    () =>
      id ? api('GET', `/catalog/versions/${id}`, { schema: ItemVersionDetail }) : Promise.resolve(undefined),
    [id],
  );

export const useReviews = () =>
  useApi(() => api('GET', '/catalog/reviews', { schema: z.array(ReviewEntry) }), []);

/** Render a shared `{ zh, en }` label in the current language. */
export function useLabel() {
  const { lang } = useLang();
  return useCallback((l: Label) => (lang === 'en' ? l.en : l.zh), [lang]);
}
