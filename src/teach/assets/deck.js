// The slide deck's keys: ArrowRight and ArrowLeft go to the next and previous slide;
// PageDown, PageUp and Space scroll a slide taller than the screen as they would any
// page, and go on to the next (or back to the previous) slide only from its end (or
// its top), so a long slide is read to the end and a presenter's clicker still works.
// Keys with a modifier (Alt+Left is the browser's Back) are left to the browser.
(function () {
  var slides = document.querySelectorAll('.slide'), at = 0;
  var counter = document.getElementById('counter');
  function show(k) {
    at = Math.max(0, Math.min(slides.length - 1, k));
    slides.forEach(function (s, i) { s.hidden = i !== at; });
    // "Slide {k} of {n}" in the deck's language (src/i18n).
    counter.textContent = counter.getAttribute('data-pattern').replace('{k}', at + 1).replace('{n}', slides.length);
    window.scrollTo(0, 0);
  }
  function atEnd() {
    return window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
  }
  function atTop() { return window.scrollY <= 1; }
  document.getElementById('prev').addEventListener('click', function () { show(at - 1); });
  document.getElementById('next').addEventListener('click', function () { show(at + 1); });
  document.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
    var forward = e.key === 'PageDown' || (e.key === ' ' && !e.shiftKey);
    var back = e.key === 'PageUp' || (e.key === ' ' && e.shiftKey);
    if (e.key === 'ArrowRight' || (forward && atEnd())) { show(at + 1); e.preventDefault(); }
    else if (e.key === 'ArrowLeft' || (back && atTop())) { show(at - 1); e.preventDefault(); }
  });
  show(0);
})();
