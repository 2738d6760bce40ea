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

// The time slider: while it moves, name the event under it; when it stops (or an arrow key moves it), show that step.
// Without this script its form's button does the same.
(function () {
  var slider = document.getElementById("at-slider");
  if (!slider) {
    return;
  }
  var label = document.getElementById("at-label");
  function name() {
    var option = document.querySelector("#timeline-ticks option[value='" + slider.value + "']");
    if (option && label) {
      label.textContent = option.label;
      slider.setAttribute("aria-valuetext", option.label);
    }
  }
  slider.addEventListener("input", name);
  slider.addEventListener("change", function () {
    name();
    slider.form.submit();
  });
})();
