/* Counter form draft: every change is kept in this browser (localStorage) until the server confirms the
   record, so a dropped connection or a closed tab loses nothing. The hidden submission token is part of the
   draft: sending the same draft again returns the record created the first time (idempotent submit). */
(function () {
  "use strict";
  var store;
  try { store = window.localStorage; } catch (e) { return; }
  if (!store) { return; }

  var done = document.querySelector("[data-draft-done]");
  if (done) { store.removeItem(done.getAttribute("data-draft-done")); return; }

  var form = document.querySelector("form[data-draft-key]");
  if (!form) { return; }
  var key = form.getAttribute("data-draft-key");
  var status = document.getElementById("draft-status");
  var say = function (text) { if (status) { status.textContent = text; } };
  var lang = document.documentElement.lang === "en" ? "en" : "id";
  var text = {
    restored: { id: "Draf yang belum terkirim dipulihkan.", en: "The unsent draft was restored." },
    saved: { id: "Draf tersimpan di perangkat ini.", en: "Draft kept on this device." },
    cleared: { id: "Draf dikosongkan.", en: "Draft cleared." }
  };

  function fields() {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.name !== "csrfmiddlewaretoken" && el.type !== "submit" && el.type !== "button";
    });
  }

  function save() {
    var data = {};
    fields().forEach(function (el) {
      if (el.type === "checkbox" || el.type === "radio") {
        if (el.checked) { data[el.name] = el.value; }
      } else { data[el.name] = el.value; }
    });
    store.setItem(key, JSON.stringify(data));
    say(text.saved[lang]);
  }

  function restore() {
    var raw = store.getItem(key);
    if (!raw) { return; }
    var data;
    try { data = JSON.parse(raw); } catch (e) { store.removeItem(key); return; }
    fields().forEach(function (el) {
      if (!(el.name in data)) { return; }
      if (el.type === "checkbox" || el.type === "radio") { el.checked = data[el.name] === el.value; }
      else { el.value = data[el.name]; }
    });
    say(text.restored[lang]);
  }

  // A page the server sent back with errors already holds the officer's input: keep it, save it as the draft.
  if (form.querySelector(".errorlist")) { save(); } else { restore(); }
  form.addEventListener("input", save);
  form.addEventListener("change", save);
  var clear = document.getElementById("draft-clear");
  if (clear) {
    clear.addEventListener("click", function () {
      var token = form.elements.submission_token ? form.elements.submission_token.value : "";
      store.removeItem(key);
      fields().forEach(function (el) {
        if (el.name === "submission_token" || el.name === "checkpoint") { return; }
        if (el.type === "checkbox" || el.type === "radio") { el.checked = false; } else { el.value = ""; }
      });
      // A cleared form is a new screening: it gets a new token so it is not taken for the earlier one.
      if (form.elements.submission_token && window.crypto && window.crypto.getRandomValues) {
        var bytes = new Uint8Array(18);
        window.crypto.getRandomValues(bytes);
        form.elements.submission_token.value = Array.prototype.map.call(bytes, function (b) {
          return ("0" + b.toString(16)).slice(-2);
        }).join("");
      } else if (form.elements.submission_token) { form.elements.submission_token.value = token + "x"; }
      say(text.cleared[lang]);
    });
  }
})();
