import { Chalk } from "chalk";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { renderCsv } from "../../src/report/csv.js";
import { neutraliseFormula } from "../../src/report/csv-safety.js";
import { encodeText } from "../../src/report/encode.js";
import { renderReport } from "../../src/report/index.js";
import type { Report } from "../../src/report/model.js";

const agents: Report = {
  title: { en: "Agents", ja: "担当者" },
  sections: [
    {
      type: "table",
      id: "agents",
      title: { en: "By agent", ja: "担当者別" },
      columns: [
        { key: "agent", label: { en: "Agent", ja: "担当者" }, kind: "text" },
        { key: "csat", label: { en: "CSAT", ja: "顧客満足度" }, kind: "rate" },
        { key: "delta", label: { en: "Δ CSAT", ja: "前期比" }, kind: "delta", deltaOf: "percent" },
        { key: "frt", label: { en: "FRT", ja: "初回応答時間" }, kind: "duration" },
      ],
      rows: [
        {
          cells: {
            agent: '=HYPERLINK("http://x")',
            csat: { value: 0.9, low: 0.8, high: 0.95 },
            delta: -0.031,
            frt: 12.25,
          },
        },
        { cells: { agent: "佐藤, 花子", csat: null, delta: 0.1 + 0.2, frt: null } },
      ],
    },
  ],
};

describe("formula injection", () => {
  it.each([
    ["=1+2", "'=1+2"],
    ["+81 3 1234", "'+81 3 1234"],
    ["-1+2", "'-1+2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
    ["＝1+2", "'＝1+2"],
    ["-12", "-12"],
    ["-0.5", "-0.5"],
    ["Chat", "Chat"],
    ["a=b", "a=b"],
  ])("%j → %j", (input, output) => {
    expect(neutraliseFormula(input)).toBe(output);
  });

  it("neutralises text cells but leaves negative figures as numbers", () => {
    const csv = renderCsv(agents, { lang: "en" });
    expect(csv).toBe(
      [
        "Agent,CSAT (%),CSAT 95% CI low (%),CSAT 95% CI high (%),Δ CSAT (pt),FRT (min)",
        '"\'=HYPERLINK(""http://x"")",90,80,95,-3.1,12.3',
        '"佐藤, 花子",,,,30,',
        "",
      ].join("\r\n"),
    );
  });
});

describe("encodings", () => {
  it("round-trips Japanese through CP932", () => {
    const csv = renderCsv(agents, { lang: "ja" });
    const { data, replacedCount } = encodeText(csv, "cp932");
    expect(replacedCount).toBe(0);
    expect(iconv.decode(data, "cp932")).toBe(csv);
    // 担 is 0x92 0x53 in CP932.
    expect(data.subarray(0, 2)).toEqual(Buffer.from([0x92, 0x53]));
  });

  it("maps the JIS wave dash to its CP932 twin and counts what CP932 cannot hold", () => {
    const { data, replacedCount, replacedChars } = encodeText("9時〜18時 🙂 é 𠮷 🙂", "cp932");
    expect(iconv.decode(data, "cp932")).toBe("9時～18時 ? ? ? ?");
    expect(replacedCount).toBe(4);
    expect(replacedChars).toEqual(["🙂", "é", "𠮷"]);
  });

  it("writes a BOM for utf8-bom and none for utf8", () => {
    expect([...encodeText("a", "utf8-bom").data]).toEqual([0xef, 0xbb, 0xbf, 0x61]);
    expect([...encodeText("a", "utf8").data]).toEqual([0x61]);
  });

  it("writes the reports' own symbols (–, ≥, ≤) as their CP932 twins, not as ?", () => {
    const { data, replacedCount } = encodeText("81.0–88.9, ≥ 201, ≤ 1, –", "cp932");
    expect(replacedCount).toBe(0);
    expect(iconv.decode(data, "cp932")).toBe("81.0―88.9, ≧ 201, ≦ 1, ―");
  });

  it("warns through renderReport when characters are replaced", () => {
    const report: Report = {
      title: { en: "t", ja: "t" },
      sections: [
        {
          type: "bars",
          id: "b",
          title: { en: "b", ja: "b" },
          bars: [{ label: "café ☕", value: 1 }],
        },
      ],
    };
    const out = renderReport(report, "csv", {
      lang: "en",
      chalk: new Chalk({ level: 0 }),
      encoding: "cp932",
    });
    expect(Buffer.isBuffer(out.data)).toBe(true);
    expect(out.warnings).toEqual([
      '2 character(s) cannot be written in cp932 and were replaced by "?": é ☕',
    ]);
  });
});
