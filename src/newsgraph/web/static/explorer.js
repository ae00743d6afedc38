// newsgraph explorer: rows open their evidence; marked text shows its records on hover.
// Plain JavaScript, no library; text is only ever set with textContent.
(function () {
  "use strict";

  function toggleEvidence(row) {
    var evidence = document.getElementById("evidence-" + row.dataset.event);
    if (!evidence) return;
    evidence.hidden = !evidence.hidden;
    row.setAttribute("aria-expanded", String(!evidence.hidden));
  }

  document.querySelectorAll("tr.event-row").forEach(function (row) {
    row.addEventListener("click", function () { toggleEvidence(row); });
    row.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); toggleEvidence(row); }
    });
  });

  var text = document.getElementById("text");
  if (!text) return;
  var tip = document.createElement("div");
  tip.id = "tip";
  tip.hidden = true;
  document.body.appendChild(tip);

  function records(piece) {
    return (piece.dataset.records || "").split(" ").filter(Boolean);
  }

  text.addEventListener("mouseover", function (event) {
    var piece = event.target.closest(".hl");
    if (!piece) return;
    piece.dataset.title = piece.dataset.title || piece.getAttribute("title") || "";
    piece.removeAttribute("title");  // our tip replaces the browser's
    tip.textContent = piece.dataset.title;
    var box = piece.getBoundingClientRect();
    tip.style.left = (window.scrollX + box.left) + "px";
    tip.style.top = (window.scrollY + box.bottom + 4) + "px";
    tip.hidden = false;
    records(piece).forEach(function (id) {
      var item = document.getElementById("record-" + id);
      if (item) item.classList.add("active");
    });
  });
  text.addEventListener("mouseout", function (event) {
    var piece = event.target.closest(".hl");
    if (!piece) return;
    tip.hidden = true;
    records(piece).forEach(function (id) {
      var item = document.getElementById("record-" + id);
      if (item) item.classList.remove("active");
    });
  });

  // Following a link to #record-ID marks that record's passages in the text.
  var target = window.location.hash.replace("#record-", "");
  if (target) {
    document.querySelectorAll(".hl").forEach(function (piece) {
      if (records(piece).indexOf(target) >= 0) piece.classList.add("active");
    });
    var first = document.querySelector(".hl.active");
    if (first) first.scrollIntoView({ block: "center" });
  }
})();
