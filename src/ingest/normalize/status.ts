/**
 * Ticket status cells onto TICKET_STATUSES (src/domain/records.ts): Zendesk, Freshdesk, Zoho
 * Desk, ServiceNow and the Japanese words teams use. Unknown words are "other" (the importer keeps
 * the raw text in `status_raw`), so this normalizer never fails.
 */

import type { TicketStatus } from "../../domain/records.js";
import { buildVocabulary, vocabularyNormalizer } from "./vocabulary.js";

const STATUS_WORDS = buildVocabulary<TicketStatus>([
  ["new", ["new", "新規", "未対応", "未着手", "受付"]],
  [
    "open",
    ["open", "active", "in progress", "escalated", "assigned", "対応中", "処理中", "エスカレーション中"],
  ],
  [
    "pending",
    [
      "pending",
      "waiting on customer",
      "awaiting user info",
      "awaiting customer",
      "回答待ち",
      "お客様回答待ち",
      "顧客回答待ち",
      "返信待ち",
    ],
  ],
  [
    "on_hold",
    [
      "on_hold",
      "hold",
      "waiting on third party",
      "awaiting problem",
      "awaiting vendor",
      "awaiting evidence",
      "awaiting change",
      "保留",
      "保留中",
    ],
  ],
  ["solved", ["solved", "resolved", "解決済み", "解決済", "解決"]],
  ["closed", ["closed", "クローズ", "完了", "終了", "クローズ済み"]],
  ["other", ["other", "その他"]],
]);

/** The canonical status, `null` for a missing value; unknown words are "other". */
export const normalizeStatus: (raw: string) => TicketStatus | null = vocabularyNormalizer<
  TicketStatus,
  TicketStatus
>(STATUS_WORDS, () => "other");
