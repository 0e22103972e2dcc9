// Reads the test cases of Zotero translators (real records as the
// translators read them from Chinese databases: CNKI, Wanfang, the national
// standards and patent platforms, newspapers, library catalogues) and writes
// those titled in Chinese as CSL-JSON: records-chinese.json.
//
//   node zotero-records.js NAME=DIR … > records-chinese.json
//
// NAME names the repository (it prefixes each record's id, "NAME/File.js#n");
// DIR is a checkout of it. Records written in Japanese or Korean, legal texts
// and media (film, broadcasts, artworks) are left out; a record needs a title
// and a year. The same title seen twice is kept once.
"use strict";

const fs = require("fs");
const path = require("path");

const types = {
  journalArticle: "article-journal",
  book: "book",
  bookSection: "chapter",
  thesis: "thesis",
  conferencePaper: "paper-conference",
  report: "report",
  patent: "patent",
  standard: "standard",
  newspaperArticle: "article-newspaper",
  webpage: "webpage",
  blogPost: "post-weblog",
  forumPost: "post",
  encyclopediaArticle: "entry-encyclopedia",
  dataset: "dataset",
  preprint: "article",
  document: "document",
};

const creatorRoles = {
  author: "author",
  inventor: "author",
  editor: "editor",
  seriesEditor: "collection-editor",
  bookAuthor: "container-author",
  translator: "translator",
};

// Zotero field → CSL variable.
const fields = {
  title: "title",
  publicationTitle: "container-title",
  bookTitle: "container-title",
  proceedingsTitle: "container-title",
  encyclopediaTitle: "container-title",
  websiteTitle: "container-title",
  blogTitle: "container-title",
  forumTitle: "container-title",
  conferenceName: "event-title",
  volume: "volume",
  issue: "issue",
  pages: "page",
  numPages: "number-of-pages",
  edition: "edition",
  place: "publisher-place",
  publisher: "publisher",
  university: "publisher",
  institution: "publisher",
  thesisType: "genre",
  reportType: "genre",
  reportNumber: "number",
  patentNumber: "number",
  number: "number",
  series: "collection-title",
  DOI: "DOI",
  url: "URL",
  ISBN: "ISBN",
  issuingAuthority: "authority",
  organization: "authority",
  country: "jurisdiction",
};

const han = /[\u3400-\u9fff]/;
const kanaHangul = /[\u3040-\u30ff\uac00-\ud7af]/;

function date(s) {
  const m = /^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?/.exec(String(s || "").trim());
  if (!m) {
    return null;
  }
  const parts = [Number(m[1])];
  if (m[2] && Number(m[2]) > 0) {
    parts.push(Number(m[2]));
    if (m[3] && Number(m[3]) > 0) {
      parts.push(Number(m[3]));
    }
  }
  return { "date-parts": [parts] };
}

function toCSL(item, id) {
  const type = types[item.itemType];
  if (!type || !item.title || !han.test(item.title) || kanaHangul.test(JSON.stringify(item))) {
    return null;
  }
  const issued = date(item.date || item.issueDate || item.filingDate);
  if (!issued) {
    return null;
  }
  const out = { id, type, language: "zh-CN", issued };
  for (const [from, to] of Object.entries(fields)) {
    const v = item[from];
    if (typeof v === "string" && v.trim() !== "" && out[to] === undefined) {
      out[to] = v.trim();
    }
  }
  const accessed = date(item.accessDate);
  if (accessed) {
    out.accessed = accessed;
  }
  for (const c of item.creators || []) {
    const role = creatorRoles[c.creatorType];
    if (!role) {
      continue;
    }
    let name;
    if (c.fieldMode === 1 || c.name !== undefined || !c.firstName) {
      name = { literal: (c.lastName || c.name || "").trim() };
    } else {
      name = { family: c.lastName.trim(), given: c.firstName.trim() };
    }
    if (name.literal === "") {
      continue;
    }
    (out[role] = out[role] || []).push(name);
  }
  return out;
}

function testCases(file) {
  const src = fs.readFileSync(file, "utf8");
  const a = src.indexOf("/** BEGIN TEST CASES **/");
  const b = src.indexOf("/** END TEST CASES **/");
  if (a < 0 || b < 0) {
    return [];
  }
  const body = src.slice(a + "/** BEGIN TEST CASES **/".length, b).trim()
    .replace(/^var testCases\s*=\s*/, "").replace(/;\s*$/, "");
  try {
    return JSON.parse(body);
  } catch (e) {
    process.stderr.write(`${file}: test cases are not JSON: ${e.message}\n`);
    return [];
  }
}

const records = [];
const seen = new Set();
for (const arg of process.argv.slice(2)) {
  const [name, dir] = arg.split("=");
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".js")).sort()) {
    let n = 0;
    for (const c of testCases(path.join(dir, f))) {
      if (!Array.isArray(c.items)) {
        continue;
      }
      for (const item of c.items) {
        n++;
        const rec = toCSL(item, `${name}/${f}#${n}`);
        if (!rec) {
          continue;
        }
        const key = rec.title.replace(/[\s\p{P}]/gu, "").toLowerCase();
        if (seen.has(key)) {
          continue;
        }
        seen.add(key);
        records.push(rec);
      }
    }
  }
}
process.stdout.write("[\n" + records.map((r) => JSON.stringify(r)).join(",\n") + "\n]\n");
