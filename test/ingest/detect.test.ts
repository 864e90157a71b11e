import { describe, expect, it } from "vitest";
import { detectProfile, questionKind } from "../../src/ingest/detect.js";

const fieldOf = (d: ReturnType<typeof detectProfile>, header: string) =>
  d.columns.find((c) => c.header === header)?.target?.field ?? null;

describe("profile detection", () => {
  it("recognises Zendesk and says why", () => {
    const d = detectProfile(
      "tickets",
      [["ID", "Requester", "Requester ID", "Via", "Created at", "Solved at", "Status"]],
      {
        whitespace: false,
      },
    );
    expect(d.profile.name).toBe("zendesk");
    expect(d.reason).toMatch(/distinctive: "via"/);
    expect(fieldOf(d, "Requester ID")).toBe("customer_id");
    expect(d.columns.find((c) => c.header === "Requester")?.note).toBe("not a known column");
  });
  it("Freshdesk's Japanese labels: 初回応答時間 is a timestamp, 初回応答時間（時間） a duration", () => {
    const d = detectProfile(
      "tickets",
      [["チケットID", "作成時間", "初回応答時間", "初回応答時間（時間）", "解決時間（時間）"]],
      {
        whitespace: false,
      },
    );
    expect(d.profile.name).toBe("freshdesk");
    expect(fieldOf(d, "初回応答時間")).toBe("first_response_at");
    expect(fieldOf(d, "初回応答時間（時間）")).toBe("first_response_business_minutes");
  });
  it("title-case and full-width headers fold onto the same dictionary", () => {
    const d = detectProfile("tickets", [["Ticket Id", "Created Time", "Due By Time", "Ｓｏｕｒｃｅ"]], {
      whitespace: false,
    });
    expect(d.profile.name).toBe("freshdesk");
    expect(fieldOf(d, "Ｓｏｕｒｃｅ")).toBe("channel");
  });
  it("when two columns map to one field, the dictionary's earlier entry wins", () => {
    const d = detectProfile("tickets", [["ID", "Requester email", "Requester ID", "Via"]], {
      whitespace: false,
    });
    expect(fieldOf(d, "Requester ID")).toBe("customer_id");
    expect(d.columns.find((c) => c.header === "Requester email")?.note).toMatch(/also maps to customer_id/);
  });
  it("header-less CDNOW rows are positional", () => {
    const d = detectProfile("orders", [["00004", "0001", "19970101", "2", "29.33"]], { whitespace: true });
    expect(d.profile.name).toBe("cdnow");
    expect(d.headerRows).toBe(0);
    expect(d.columns.map((c) => c.target?.field ?? null)).toEqual([
      "customer_id",
      null,
      "ordered_at",
      "quantity",
      "amount",
    ]);
  });
  it("SurveyMonkey needs its second header row; Qualtrics its ImportId row", () => {
    const sm = detectProfile(
      "surveys",
      [
        ["Respondent ID", "End Date", "How satisfied were you?"],
        ["", "", "Response"],
      ],
      { whitespace: false },
    );
    expect(sm.profile.name).toBe("surveymonkey");
    const q = detectProfile(
      "surveys",
      [
        ["ResponseId", "RecordedDate", "Q1"],
        ["Response ID", "Recorded Date", "How likely are you to recommend us?"],
        ['{"ImportId":"_recordId"}', '{"ImportId":"recordedDate"}', '{"ImportId":"QID1"}'],
      ],
      { whitespace: false },
    );
    expect(q.profile.name).toBe("qualtrics");
    expect(q.columns[2]?.target).toEqual({ field: "score", surveyKind: "nps" });
  });
  it("classifies survey questions in Japanese and English", () => {
    expect(questionKind("当社を友人にすすめる可能性は？")).toBe("nps");
    expect(questionKind("問題の解決は簡単でしたか？")).toBe("ces");
    expect(questionKind("今回の対応に満足しましたか")).toBe("csat");
    expect(questionKind("ご意見・ご感想")).toBe("comment");
    expect(questionKind("お名前")).toBe(null);
  });
});
