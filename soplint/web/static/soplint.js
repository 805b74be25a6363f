// soplint serve: the page's only script. Uploads one document per request, switches the
// language, and links findings to the steps of the flowchart. Nothing is fetched from
// elsewhere than this server.
"use strict";

const LANG_KEY = "soplint-lang";

function setLang(lang) {
  document.documentElement.dataset.show = lang;
  document.documentElement.lang = lang;
}

// The language the user chose with the switch, if they did: it wins over the documents'.
function chosenLang() {
  try { return localStorage.getItem(LANG_KEY); } catch (e) { return null; }
}

function chooseLang(lang) {
  setLang(lang);
  try { localStorage.setItem(LANG_KEY, lang); } catch (e) { /* private mode */ }
}

function article(el) { return el.closest("article.document"); }

function clearSelection(scope) {
  scope.querySelectorAll(".selected, .highlight").forEach((el) => {
    el.classList.remove("selected", "highlight");
  });
}

// A finding clicked: its step lit in the drawing, its group marked.
function selectFinding(li) {
  const doc = article(li);
  clearSelection(doc);
  li.classList.add("selected");
  const ordinal = li.dataset.ordinal;
  if (ordinal === undefined) { return; }
  const group = li.closest(".group");
  if (group) { group.classList.add("selected"); }
  const step = doc.querySelector(`.flowchart .step[data-ordinal="${ordinal}"]`);
  if (step) {
    step.classList.add("highlight");
    step.scrollIntoView({ block: "nearest", inline: "nearest" });
  }
}

// A step clicked in the drawing: its findings marked and shown.
function selectStep(step) {
  const doc = article(step);
  clearSelection(doc);
  step.classList.add("highlight");
  const ordinal = step.dataset.ordinal;
  const found = doc.querySelectorAll(`.finding[data-ordinal="${ordinal}"]`);
  found.forEach((li) => li.classList.add("selected"));
  const group = doc.querySelector(`.group[data-ordinal="${ordinal}"]`);
  if (group) {
    group.classList.add("selected");
    group.scrollIntoView({ block: "nearest" });
  }
}

async function uploadOne(file, results) {
  const pending = document.createElement("p");
  pending.className = "pending";
  pending.textContent = file.name + " …";
  results.prepend(pending);
  const body = new FormData();
  body.append("documents", file, file.name);
  try {
    const response = await fetch("/check?part=1", { method: "POST", body });
    const html = await response.text();
    const holder = document.createElement("div");
    holder.innerHTML = html;
    const first = holder.querySelector("article.document[data-lang]");
    if (first && !chosenLang()) { setLang(first.dataset.lang); }
    pending.replaceWith(...holder.childNodes);
  } catch (e) {
    pending.className = "error";
    pending.textContent = file.name + ": " + e;
  }
}

function uploadAll(files) {
  const results = document.getElementById("results");
  results.querySelectorAll(":scope > .error").forEach((el) => el.remove());
  return Promise.all(Array.from(files).map((file) => uploadOne(file, results)));
}

document.addEventListener("DOMContentLoaded", () => {
  document.documentElement.classList.add("js");
  const saved = chosenLang();
  const rulePage = document.body.classList.contains("rule-page");
  // a rule's page and the printable page are in the language their link asked for
  const asked = rulePage || document.body.classList.contains("printable");
  if (saved && !asked) { setLang(saved); }

  document.querySelectorAll("[data-set-lang]").forEach((button) => {
    button.addEventListener("click", () => {
      chooseLang(button.dataset.setLang);
      if (rulePage) { location.search = "?lang=" + button.dataset.setLang; }
    });
  });
  document.querySelectorAll("[data-print]").forEach((button) => {
    button.addEventListener("click", () => window.print());
  });

  document.addEventListener("click", (event) => {
    if (event.target.closest("a")) { return; }
    const li = event.target.closest(".finding");
    if (li) { selectFinding(li); return; }
    const step = event.target.closest(".flowchart .step");
    if (step) { selectStep(step); }
  });
  document.addEventListener("keydown", (event) => {
    const li = event.target.closest && event.target.closest(".finding");
    if (li && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      selectFinding(li);
    }
  });

  const form = document.getElementById("upload");
  if (!form) { return; }
  const input = form.querySelector("input[type=file]");
  const drop = document.getElementById("drop");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (input.files.length) { uploadAll(input.files).then(() => { input.value = ""; }); }
  });
  input.addEventListener("change", () => {
    if (input.files.length) { uploadAll(input.files).then(() => { input.value = ""; }); }
  });
  ["dragenter", "dragover"].forEach((name) => drop.addEventListener(name, (event) => {
    event.preventDefault();
    drop.classList.add("over");
  }));
  ["dragleave", "drop"].forEach((name) => drop.addEventListener(name, () => {
    drop.classList.remove("over");
  }));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length) {
      uploadAll(event.dataTransfer.files);
    }
  });
});
