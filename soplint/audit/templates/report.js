// soplint audit report: sort, filter and hide clean documents; link flowchart steps to findings.
(function () {
  "use strict";
  function cellValue(row, index, numeric) {
    var text = row.cells[index].textContent.trim();
    return numeric ? parseFloat(text) || 0 : text.toLowerCase();
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("th[data-sort]").forEach(function (th, index) {
      th.addEventListener("click", function () {
        var numeric = th.dataset.sort === "num";
        var ascending = !th.classList.contains("sorted-asc");
        table.querySelectorAll("th").forEach(function (other) {
          other.classList.remove("sorted-asc", "sorted-desc");
        });
        th.classList.add(ascending ? "sorted-asc" : "sorted-desc");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, index, numeric), y = cellValue(b, index, numeric);
          return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
  var filter = document.getElementById("filter");
  var hideClean = document.getElementById("hide-clean");
  var table = document.getElementById("document-table");
  function apply() {
    if (!table) { return; }
    var words = (filter.value || "").toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var text = row.textContent.toLowerCase();
      var visible = words.every(function (w) { return text.indexOf(w) >= 0; }) &&
        !(hideClean.checked && row.dataset.clean === "1");
      row.hidden = !visible;
      shown += visible ? 1 : 0;
    });
    document.getElementById("shown").textContent = shown + " / " + table.tBodies[0].rows.length;
  }
  if (filter && hideClean) {
    filter.addEventListener("input", apply);
    hideClean.addEventListener("change", apply);
    apply();
  }
  document.querySelectorAll(".flowchart-page g.step.has-findings").forEach(function (step) {
    step.addEventListener("click", function () {
      var row = document.querySelector('tr.finding[data-ordinal="' + step.dataset.ordinal + '"]');
      if (row) {
        document.querySelectorAll("tr.finding.highlight").forEach(function (r) {
          r.classList.remove("highlight");
        });
        row.classList.add("highlight");
        row.scrollIntoView({ block: "center" });
      }
    });
  });
}());
