/**
 * Channel cells onto the canonical list (src/domain/records.ts). Vendor words and the Japanese
 * ones a team writes itself are listed below; anything else is "other" (the importer keeps the
 * raw text in `channel_raw`), so this normalizer never fails.
 */

import type { Channel } from "../../domain/records.js";
import { buildVocabulary, vocabularyNormalizer } from "./vocabulary.js";

const CHANNEL_WORDS = buildVocabulary<Channel>([
  [
    "phone",
    [
      "phone",
      "電話",
      "call",
      "voice",
      "inbound",
      "inbound call",
      "outbound call",
      "IVR",
      "telephone",
      "tel",
      "コール",
    ],
  ],
  ["email", ["email", "mail", "メール", "Eメール", "電子メール", "outbound email", "inbound email"]],
  ["chat", ["chat", "チャット", "livechat", "web chat", "有人チャット"]],
  [
    "web_form",
    [
      "web_form",
      "web",
      "webフォーム",
      "web portal",
      "portal",
      "form",
      "フォーム",
      "問い合わせフォーム",
      "お問い合わせフォーム",
      "feedback widget",
      "widget",
    ],
  ],
  [
    "social",
    [
      "social",
      "social media",
      "SNS",
      "twitter",
      "x",
      "facebook",
      "instagram",
      "forums",
      "forum",
      "community",
    ],
  ],
  ["sms", ["sms", "ショートメール", "ショートメッセージ", "text message"]],
  ["messaging", ["messaging", "LINE", "whatsapp", "messenger", "facebook messenger", "wechat", "kakaotalk"]],
  [
    "self_service",
    [
      "self_service",
      "FAQ",
      "ヘルプセンター",
      "help center",
      "chatbot",
      "bot",
      "チャットボット",
      "answer bot",
      "knowledge base",
      "ナレッジベース",
    ],
  ],
  ["walk_in", ["walk_in", "対面", "来店", "窓口", "in person"]],
  // Zendesk "API" and ServiceNow "Direct opening" name an integration, not a contact channel.
  ["other", ["other", "その他", "API", "direct opening"]],
]);

/** The canonical channel, `null` for a missing value; unknown words are "other". */
export const normalizeChannel: (raw: string) => Channel | null = vocabularyNormalizer<Channel, Channel>(
  CHANNEL_WORDS,
  () => "other",
);
