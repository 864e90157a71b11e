import type { Profile } from "./types.js";

/** One row per answer with an explicit kind and score (our own layout, and hand-made sheets). */
export const genericSurveys: Profile = {
  name: "survey-generic",
  label: "generic survey responses (one score per row)",
  kind: "surveys",
  headers: {
    response_id: "response_id",
    "response id": "response_id",
    回答id: "response_id",
    ticket_id: "ticket_id",
    "ticket id": "ticket_id",
    チケットid: "ticket_id",
    問い合わせ番号: "ticket_id",
    customer_id: "customer_id",
    "customer id": "customer_id",
    顧客id: "customer_id",
    responded_at: "responded_at",
    "responded at": "responded_at",
    回答日時: "responded_at",
    kind: "kind",
    種別: "kind",
    score: "score",
    スコア: "score",
    comment: "comment",
    コメント: "comment",
    channel: "channel",
    チャネル: "channel",
    agent: "agent",
    担当者: "agent",
  },
};

/** Google Forms: a Timestamp / タイムスタンプ column, then one column per question. */
export const googleForms: Profile = {
  name: "google-forms",
  label: "Google Forms responses",
  kind: "surveys",
  dateOrder: "ymd",
  questionColumns: true,
  headers: {
    timestamp: "responded_at",
    タイムスタンプ: "responded_at",
    "email address": "customer_id",
    メールアドレス: "customer_id",
    顧客id: "customer_id",
    お客様番号: "customer_id",
    チケットid: "ticket_id",
    問い合わせ番号: "ticket_id",
    "ticket id": "ticket_id",
  },
  distinctive: ["timestamp", "タイムスタンプ"],
};

/** SurveyMonkey: two header rows (question, then option or "Response"). */
export const surveyMonkey: Profile = {
  name: "surveymonkey",
  label: "SurveyMonkey export (two header rows)",
  kind: "surveys",
  dateOrder: "mdy",
  headerRows: 2,
  questionColumns: true,
  headers: {
    "respondent id": "response_id",
    "end date": "responded_at",
    "email address": "customer_id",
    "custom data 1": "ticket_id",
  },
  distinctive: ["respondent id", "collector id", "start date", "end date", "ip address"],
};

/** Qualtrics: three header rows (ids, question text, {"ImportId": …}). */
export const qualtrics: Profile = {
  name: "qualtrics",
  label: "Qualtrics export (three header rows)",
  kind: "surveys",
  dateOrder: "ymd",
  headerRows: 3,
  questionColumns: true,
  headers: {
    responseid: "response_id",
    "response id": "response_id",
    recordeddate: "responded_at",
    "recorded date": "responded_at",
    recipientemail: "customer_id",
    "recipient email": "customer_id",
    externalreference: "ticket_id",
    "external data reference": "ticket_id",
  },
  distinctive: [
    "responseid",
    "recordeddate",
    "startdate",
    "enddate",
    "ipaddress",
    "progress",
    "finished",
    "distributionchannel",
  ],
};

/** Freshdesk satisfaction-survey export. */
export const freshdeskSurvey: Profile = {
  name: "freshdesk-survey",
  label: "Freshdesk satisfaction survey export",
  kind: "surveys",
  dateOrder: "ymd",
  headers: {
    "survey received time": "responded_at",
    "ticket id": "ticket_id",
    rating: { field: "score", surveyKind: "csat" },
    comment: "comment",
    comments: "comment",
    "requester email": "customer_id",
    "requester name": "customer_id",
    agent: "agent",
  },
  distinctive: ["survey received time", "rating", "requester name"],
  // The export stops at 50,000 responses and ends with a notice saying so (docs/import.md).
  truncationNotice: {
    vendor: "Freshdesk",
    limit: 50_000,
    records: "responses",
    hint: "export a shorter date range to get the rest",
  },
};
