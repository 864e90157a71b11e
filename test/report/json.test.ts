import { describe, expect, it } from "vitest";
import { renderJson } from "../../src/report/json.js";
import type { Report } from "../../src/report/model.js";

describe("renderJson", () => {
  it("writes a fixed key order whatever order the report was built in", () => {
    const built: Report = {
      sections: [
        {
          rows: [{ cells: { rate: { high: 0.9, low: 0.7, value: 0.8 }, name: "Chat" } }],
          columns: [
            { kind: "text", label: { ja: "名前", en: "Name" }, key: "name" },
            { label: { en: "Rate", ja: "率" }, kind: "rate", key: "rate", decimals: 0 },
          ],
          title: { ja: "表", en: "Table" },
          id: "t",
          type: "table",
        },
      ],
      title: { ja: "題", en: "Title" },
    };
    expect(JSON.parse(renderJson(built))).toEqual({
      version: 1,
      title: { en: "Title", ja: "題" },
      facts: [],
      sections: [
        {
          type: "table",
          id: "t",
          title: { en: "Table", ja: "表" },
          columns: [
            {
              key: "name",
              label: { en: "Name", ja: "名前" },
              kind: "text",
              decimals: null,
              deltaOf: null,
              good: null,
            },
            {
              key: "rate",
              label: { en: "Rate", ja: "率" },
              kind: "rate",
              decimals: 0,
              deltaOf: null,
              good: null,
            },
          ],
          rows: [
            { cells: { name: "Chat", rate: { value: 0.8, low: 0.7, high: 0.9, n: null } }, series: null },
          ],
          notes: [],
        },
      ],
      notes: [],
    });
    // toEqual ignores key order; the text itself must list keys in the documented order.
    const text = renderJson(built);
    const order = ['"version"', '"title"', '"facts"', '"sections"', '"type"', '"id"', '"columns"', '"rows"'];
    const positions = order.map((k) => text.indexOf(k));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text.indexOf('"value": 0.8')).toBeLessThan(text.indexOf('"low": 0.7'));
    expect(text.endsWith("}\n")).toBe(true);
  });

  it("writes non-finite numbers and missing cells as null", () => {
    const report: Report = {
      title: { en: "t", ja: "t" },
      sections: [
        {
          type: "table",
          id: "t",
          title: { en: "t", ja: "t" },
          columns: [
            { key: "a", label: { en: "a", ja: "a" }, kind: "number" },
            { key: "b", label: { en: "b", ja: "b" }, kind: "integer" },
          ],
          rows: [{ cells: { a: Number.NaN }, series: { periods: ["p1", "p2"], values: [Infinity, 2] } }],
        },
      ],
    };
    const doc = JSON.parse(renderJson(report));
    expect(doc.sections[0].rows[0]).toEqual({
      cells: { a: null, b: null },
      series: { periods: ["p1", "p2"], values: [null, 2], kind: "number" },
    });
  });
});
