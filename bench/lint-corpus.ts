import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Writes `count` generated Japanese support documents (about 1.5 KB each, a few glossary hits per
 * document, code blocks and links in between) into `dir`, 100 per folder. Deterministic: the
 * n-th document is always the same.
 */
const PARAGRAPHS = [
  "カスタマーサポートでは、電話とメールとチャットのチャンネルごとに問い合わせを受け付けます。",
  "ユーザの声はナレッジベースにまとめ、オペレータが一次解決率を確認します。",
  "エスカレーションの基準は金額、安全、法務、個人情報、サービス停止の五つです。",
  "お問合せフォームからの連絡は、営業時間内に初回応答します。",
  "FAQとチャットボットで自己解決率を上げ、問い合わせ削減率を毎月確認します。",
];
const CODE = "```js\nconst channel = 'チャンネル';\n```";

export function documentText(n: number): string {
  const parts = [`# 運用ガイド ${n}`, ""];
  for (let i = 0; i < 8; i++) {
    parts.push(PARAGRAPHS[(n + i) % PARAGRAPHS.length] ?? "", "");
    if (i === 3) parts.push(CODE, "", `[詳細](https://example.com/docs/${n})`, "");
  }
  return parts.join("\n");
}

export function writeCorpus(dir: string, count: number): void {
  for (let n = 0; n < count; n++) {
    const folder = join(dir, `part-${Math.floor(n / 100)}`);
    if (n % 100 === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `doc-${n}.md`), documentText(n));
  }
}
