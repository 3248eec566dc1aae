// Print buttons are hidden without JavaScript (the browser's own Print menu works everywhere).
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () {
    window.print();
  });
});
