// Renders CSL-JSON records into bibliography entries with citeproc-js and
// the CSL styles under styles/, each variable's text marked so that the
// entry's fields are known: U+E000 variable-names U+E001 text U+E002
// ("+"-joined names when one node renders several variables, the inner
// mark for nested ones). Run by `citegraph train-parser --render`, never at
// run time.
//
// Input (stdin): JSON Lines {"key", "style", "item"}: the item is CSL-JSON
// and is rendered in the style (a file name under styles/ without .csl).
// Output (stdout): JSON Lines {"key", "style", "entry"} in the input's
// order; an item citeproc-js cannot render is reported on stderr and left
// out. Items of one style form one bibliography, in input order, so numeric
// styles number them in that order and author-date styles tell apart two
// works of one author and year as they would in a real list.
"use strict";

const fs = require("fs");
const path = require("path");
const readline = require("readline");
const CSL = require("citeproc");

const here = __dirname;

// The plain-text format, with the variable wrapper that marks each field
// (citeproc-js calls it from "@showid" in its other formats).
CSL.Output.Formats.labelled = Object.assign({}, CSL.Output.Formats.text, {
  "@showid/true": function (state, str) {
    if (state.tmp.just_looking || state.tmp.suppress_decorations || !this.params || typeof str !== "string") {
      return str;
    }
    const m = str.match(CSL.VARIABLE_WRAPPER_PREPUNCT_REX);
    let pre = m[1], text = m[2], post = "";
    if (text && CSL.SWAPPING_PUNCTUATION.indexOf(text.slice(-1)) > -1) {
      post = text.slice(-1);
      text = text.slice(0, -1);
    }
    return state.sys.variableWrapper(this.params, pre, text, post);
  },
});

const nameVariables = new Set(["author", "chair", "collection-editor", "compiler", "composer", "container-author",
  "contributor", "curator", "director", "editor", "editorial-director", "executive-producer", "guest", "host",
  "illustrator", "interviewer", "narrator", "organizer", "original-author", "performer", "producer", "recipient",
  "reviewed-author", "script-writer", "series-creator", "translator"]);
const nameOrder = ["author", "composer", "director", "editor", "translator", "container-author", "collection-editor",
  "editorial-director", "interviewer", "illustrator", "original-author", "recipient", "reviewed-author"];

function wrap(params, pre, text, post) {
  if (text === "") {
    return pre + post;
  }
  // A names node lists the variables it may render, not the one it did
  // (the authors, or in their place the editors): that is the name list of
  // the item whose first name the text holds.
  const item = params.itemData || {};
  let names = params.variableNames;
  if (names.every((v) => nameVariables.has(v))) {
    const lower = text.toLowerCase();
    const first = (v) => String(Array.isArray(item[v]) && item[v].length > 0 &&
      (item[v][0].family || item[v][0].literal) || "").toLowerCase();
    const found = nameOrder.find((v) => first(v) !== "" && lower.includes(first(v)));
    if (found) {
      names = [found];
    }
  }
  return pre + "\uE000" + names.join("+") + "\uE001" + text + "\uE002" + post;
}

function readLocale(lang) {
  const file = path.join(here, "locales", "locales-" + lang + ".xml");
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : false;
}

function render(style, jobs, out) {
  const items = new Map();
  const ids = [];
  for (const j of jobs) {
    const item = Object.assign({}, j.item, { id: j.key });
    items.set(j.key, item);
    ids.push(j.key);
  }
  const sys = {
    retrieveLocale: (lang) => readLocale(lang),
    retrieveItem: (id) => items.get(id),
    variableWrapper: wrap,
  };
  const xml = fs.readFileSync(path.join(here, "styles", style + ".csl"), "utf8");
  const engine = new CSL.Engine(sys, xml, "en-US", true);
  engine.setOutputFormat("labelled");
  // The numbers of a numeric style and the year suffixes of an author-date
  // style come from the whole list of the style's items.
  engine.updateItems(ids);
  const [meta, entries] = engine.makeBibliography();
  const byID = new Map();
  meta.entry_ids.forEach((e, k) => byID.set(String(e[0]), entries[k]));
  for (const j of jobs) {
    const entry = byID.get(j.key);
    if (entry === undefined) {
      process.stderr.write(`render: ${style}: ${j.key}: no entry\n`);
      continue;
    }
    out.push({ key: j.key, style, entry: entry.replace(/\s+$/, "") });
  }
}

async function main() {
  const jobs = [];
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim() !== "") {
      jobs.push(JSON.parse(line));
    }
  }
  const byStyle = new Map();
  for (const j of jobs) {
    if (!byStyle.has(j.style)) {
      byStyle.set(j.style, []);
    }
    byStyle.get(j.style).push(j);
  }
  const rendered = [];
  for (const [style, list] of byStyle) {
    try {
      render(style, list, rendered);
    } catch (e) {
      process.stderr.write(`render: ${style}: ${e.message}\n`);
      process.exitCode = 1;
    }
  }
  const order = new Map(jobs.map((j, k) => [j.key + "\u0000" + j.style, k]));
  rendered.sort((a, b) => order.get(a.key + "\u0000" + a.style) - order.get(b.key + "\u0000" + b.style));
  process.stdout.write(rendered.map((r) => JSON.stringify(r)).join("\n") + (rendered.length ? "\n" : ""));
}

main();
