// Semiont studio: the only script (no inline code: the Content-Security-Policy allows this file alone).
// Asks before destructive forms, and shows that a long action is running.
document.addEventListener("submit", function (event) {
  var button = event.submitter || event.target.querySelector("button[type=submit]");
  var question = button && button.getAttribute("data-confirm");
  if (question && !window.confirm(question)) {
    event.preventDefault();
    return;
  }
  var busy = button && button.getAttribute("data-busy");
  if (busy) {
    button.textContent = busy;
    button.setAttribute("aria-busy", "true");
  }
});
