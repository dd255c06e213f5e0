/**
 * The vocabulary of the hall queue (排队叫号): ticket statuses, the actions that move a ticket, the
 * snapshot the transition table works on, and the per-hall policy numbers. The rules themselves live in
 * `ticket-transitions.ts`.
 *
 * Why these statuses and no others:
 * - `transferred` (转窗) is a waiting status bound to a target window: the ticket keeps its number and
 *   its place (`queuedAt` is not touched), and only the target window may call it.
 * - `no_show` (过号) is not terminal: the visitor may come back and be re-queued, once by default
 *   (`maxRequeues`), at the back of the queue (`queuedAt` becomes the re-queue time).
 * - A recall (重呼) keeps the ticket `called`; it is counted so the hall can cap it (`maxRecalls`).
 * - Verifying a priority (老年人, 残疾人 … checked by staff, never self-declared) is an action that keeps
 *   the status, so it too leaves an event row.
 */

export const ticketStatuses = [
  'waiting', // 等候
  'called', // 已叫号, the visitor is walking to the window
  'serving', // 办理中
  'done', // 办理完毕 (terminal)
  'no_show', // 过号
  'transferred', // 转窗: waiting for the target window
  'cancelled', // 已取消 / 作废 (terminal)
] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

/** Statuses in which a ticket waits for a window (and counts in "people ahead"). */
export const waitingStatuses: readonly TicketStatus[] = ['waiting', 'transferred'];
/** Statuses in which a ticket occupies its window. */
export const activeStatuses: readonly TicketStatus[] = ['called', 'serving'];
export const terminalStatuses: readonly TicketStatus[] = ['done', 'cancelled'];

export const ticketActions = [
  'call', // 叫号
  'recall', // 重呼
  'start', // 开始办理
  'finish', // 办结 (of the visit, not of a case)
  'no_show', // 过号
  'requeue', // 过号重排
  'transfer', // 转窗
  'cancel', // 取消
  'verify_priority', // 核验优先
] as const;
export type TicketAction = (typeof ticketActions)[number];

/** Priority groups verified by staff (军人抚恤优待条例 第34条; local 老年人优待 rules). */
export const priorityKinds = ['elderly', 'disabled', 'military', 'pregnant'] as const;
export type PriorityKind = (typeof priorityKinds)[number];

export interface TicketSnapshot {
  /** The printed number (e.g. A012), for messages. */
  readonly number: string;
  readonly status: TicketStatus;
  readonly categoryId: string;
  /** The window that called or serves the ticket, or the target window of a transfer. */
  readonly windowId: string | null;
  readonly staffId: string | null;
  /** Ordering key: the issue time, moved only by a re-queue (never by a transfer). */
  readonly queuedAt: number;
  readonly calledAt: number | null;
  readonly firstCalledAt: number | null;
  readonly servingAt: number | null;
  readonly finishedAt: number | null;
  readonly recallCount: number;
  readonly requeueCount: number;
  readonly transferCount: number;
  readonly priority: PriorityKind | null;
  readonly priorityWeight: number;
}

export type TicketEvent =
  | { readonly type: 'call'; readonly at: number; readonly windowId: string; readonly staffId: string }
  | { readonly type: 'recall'; readonly at: number }
  | { readonly type: 'start'; readonly at: number }
  | { readonly type: 'finish'; readonly at: number }
  | { readonly type: 'no_show'; readonly at: number }
  | { readonly type: 'requeue'; readonly at: number }
  | {
      readonly type: 'transfer';
      readonly at: number;
      readonly toWindowId: string;
      /** A transfer may also re-triage the visitor into another category (e.g. wrong business). */
      readonly toCategoryId?: string;
    }
  | { readonly type: 'cancel'; readonly at: number; readonly reason: string }
  | {
      readonly type: 'verify_priority';
      readonly at: number;
      readonly priority: PriorityKind | null;
      readonly weight: number;
    };

/** Per-hall numbers of the queue policy: data, never constants in the services. */
export interface QueuePolicy {
  readonly maxRecalls: number;
  readonly maxRequeues: number;
}

export const defaultQueuePolicy: QueuePolicy = { maxRecalls: 3, maxRequeues: 1 };
