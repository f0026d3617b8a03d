// The "Cetak" button: shown and wired only when JavaScript runs; without it the page keeps
// its plain note to print from the browser's menu.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () {
    window.print();
  });
});
document.querySelectorAll("[data-print-note]").forEach(function (note) {
  note.hidden = true;
});
