// brag's web UI: a little progressive enhancement. Every page works without it.
"use strict";

document.addEventListener("keydown", (event) => {
  // `/` (outside a field) goes to the quick-add box, or to search on other pages.
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
  const active = document.activeElement;
  if (active && /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName)) return;
  const target = document.getElementById("quick") || document.querySelector("input[type=search]");
  if (target) {
    event.preventDefault();
    target.focus();
  }
});

// Buttons that move things to the trash ask first.
document.addEventListener("submit", (event) => {
  const button = event.submitter;
  const question = button && button.getAttribute("data-confirm");
  if (question && !window.confirm(question)) event.preventDefault();
});
