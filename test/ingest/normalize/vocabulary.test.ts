import { describe, expect, it } from "vitest";
import type { Channel, SurveyKind, TicketStatus } from "../../../src/domain/records.js";
import {
  expectedSurveyScore,
  INVALID,
  lastInvalidReason,
  normalizeBoolean,
  normalizeChannel,
  normalizeStatus,
  normalizeSurveyScore,
} from "../../../src/ingest/normalize/index.js";

describe("normalizeBoolean", () => {
  it.each([
    "TRUE",
    "true",
    "True",
    "yes",
    "Y",
    "y",
    "1",
    "はい",
    "○",
    "〇",
    "◯",
    "✓",
    "✔",
    "あり",
    "有",
    "済",
    "済み",
    "on",
    "ＴＲＵＥ",
  ])("%s is true", (input) => {
    expect(normalizeBoolean(input)).toBe(true);
  });
  it.each(["FALSE", "false", "no", "N", "0", "いいえ", "×", "✕", "なし", "無", "未", "off", "０"])(
    "%s is false",
    (input) => {
      expect(normalizeBoolean(input)).toBe(false);
    },
  );
  it.each(["", "?", "-", "N/A"])("missing %j", (input) => {
    expect(normalizeBoolean(input)).toBeNull();
  });
  it.each(["maybe", "2", "yes!", "x"])("rejects %s (also when asked twice)", (input) => {
    expect(normalizeBoolean(input)).toBe(INVALID);
    expect(normalizeBoolean(input)).toBe(INVALID);
    expect(lastInvalidReason()).toContain(`"${input}" is not a yes/no value`);
  });
});

describe("normalizeChannel", () => {
  it.each<[string, Channel]>([
    ["phone", "phone"],
    ["電話", "phone"],
    ["Call", "phone"],
    ["Voice", "phone"],
    ["Inbound", "phone"],
    ["IVR", "phone"],
    ["Email", "email"],
    ["E-mail", "email"],
    ["Mail", "email"],
    ["メール", "email"],
    ["Outbound Email", "email"],
    ["Chat", "chat"],
    ["チャット", "chat"],
    ["LiveChat", "chat"],
    ["Web", "web_form"],
    ["Webフォーム", "web_form"],
    ["ＷＥＢフォーム", "web_form"],
    ["Web Portal", "web_form"],
    ["Portal", "web_form"],
    ["フォーム", "web_form"],
    ["Feedback Widget", "web_form"],
    ["Twitter", "social"],
    ["X", "social"],
    ["Facebook", "social"],
    ["Instagram", "social"],
    ["SNS", "social"],
    ["Forums", "social"],
    ["SMS", "sms"],
    ["ショートメール", "sms"],
    ["LINE", "messaging"],
    ["WhatsApp", "messaging"],
    ["Messenger", "messaging"],
    ["FAQ", "self_service"],
    ["ヘルプセンター", "self_service"],
    ["Chatbot", "self_service"],
    ["bot", "self_service"],
    ["チャットボット", "self_service"],
    ["Self service", "self_service"],
    ["self-service", "self_service"],
    ["対面", "walk_in"],
    ["来店", "walk_in"],
    ["Walk-in", "walk_in"],
    ["API", "other"],
    ["Carrier pigeon", "other"],
  ])("%s → %s", (input, channel) => {
    expect(normalizeChannel(input)).toBe(channel);
  });
  it("missing is null", () => {
    expect(normalizeChannel("?")).toBeNull();
    expect(normalizeChannel("")).toBeNull();
  });
});

describe("normalizeStatus", () => {
  it.each<[string, TicketStatus]>([
    ["New", "new"],
    ["Open", "open"],
    ["Pending", "pending"],
    ["On-hold", "on_hold"],
    ["On Hold", "on_hold"],
    ["Solved", "solved"],
    ["Closed", "closed"],
    ["Resolved", "solved"],
    ["Waiting on Customer", "pending"],
    ["Waiting on Third Party", "on_hold"],
    ["Escalated", "open"],
    ["Active", "open"],
    ["Awaiting User Info", "pending"],
    ["Awaiting Problem", "on_hold"],
    ["Awaiting Vendor", "on_hold"],
    ["Awaiting Evidence", "on_hold"],
    ["新規", "new"],
    ["未対応", "new"],
    ["対応中", "open"],
    ["保留", "on_hold"],
    ["回答待ち", "pending"],
    ["解決済み", "solved"],
    ["完了", "closed"],
    ["クローズ", "closed"],
    ["Deleted", "other"],
  ])("%s → %s", (input, status) => {
    expect(normalizeStatus(input)).toBe(status);
  });
  it("missing is null", () => {
    expect(normalizeStatus("-")).toBeNull();
  });
});

describe("normalizeSurveyScore", () => {
  it.each<[SurveyKind, string, number, number, number]>([
    ["csat", "5", 5, 1, 5],
    ["csat", "1", 1, 1, 5],
    ["csat", "４", 4, 1, 5],
    ["csat", "4 (Satisfied)", 4, 1, 5],
    ["csat", "Good", 1, 0, 1],
    ["csat", "Bad", 0, 0, 1],
    ["csat", "Good, I'm satisfied", 1, 0, 1],
    ["csat", "Extremely satisfied", 5, 1, 5],
    ["csat", "Satisfied", 4, 1, 5],
    ["csat", "Neutral", 3, 1, 5],
    ["csat", "Dissatisfied", 2, 1, 5],
    ["csat", "Extremely dissatisfied", 1, 1, 5],
    ["csat", "Happy", 5, 1, 5],
    ["csat", "Unhappy", 1, 1, 5],
    ["csat", "満足", 5, 1, 5],
    ["csat", "やや満足", 4, 1, 5],
    ["csat", "普通", 3, 1, 5],
    ["csat", "やや不満", 2, 1, 5],
    ["csat", "不満", 1, 1, 5],
    ["csat", "とても満足", 5, 1, 5],
    ["nps", "0", 0, 0, 10],
    ["nps", "10", 10, 0, 10],
    ["nps", "10 - Extremely likely", 10, 0, 10],
    ["ces", "1", 1, 1, 7],
    ["ces", "7", 7, 1, 7],
    ["ces", "Strongly agree", 7, 1, 7],
    ["ces", "Neutral", 4, 1, 7],
    ["ces", "ややそう思う", 5, 1, 7],
  ])("%s %s → %d on %d–%d", (kind, input, score, min, max) => {
    expect(normalizeSurveyScore(kind, input)).toEqual({ score, scale_min: min, scale_max: max });
  });

  it.each<[SurveyKind, string]>([
    ["csat", "Offered"],
    ["csat", "Not Offered"],
    ["csat", ""],
    ["nps", "?"],
  ])("%s %j is no answer", (kind, input) => {
    expect(normalizeSurveyScore(kind, input)).toBeNull();
  });

  it.each<[SurveyKind, string, string]>([
    ["csat", "0", "outside 1–5"],
    ["csat", "6", "outside 1–5"],
    ["csat", "4.5", "not a whole number"],
    ["csat", "Great", "is not a CSAT answer"],
    ["nps", "11", "outside 0–10"],
    ["nps", "-1", "outside 0–10"],
    ["nps", "－１", "outside 0–10"],
    ["nps", "Good", "is not an NPS answer"],
    ["ces", "0", "outside 1–7"],
    ["ces", "8", "outside 1–7"],
  ])("%s %s fails", (kind, input, reason) => {
    expect(normalizeSurveyScore(kind, input)).toBe(INVALID);
    expect(lastInvalidReason()).toContain(reason);
  });

  it("shares frozen results", () => {
    const a = normalizeSurveyScore("csat", "5");
    expect(a).toBe(normalizeSurveyScore("csat", "満足"));
    expect(Object.isFrozen(a)).toBe(true);
    expect(expectedSurveyScore("nps")).toContain("0–10");
  });
});
