// Remembers the console's light/dark choice for this browser. The server reads the cookie before the
// first paint, so the page never flashes the other theme.
window.flexPayConsole = {
  saveTheme: function (mode) {
    document.cookie = "flexpay-theme=" + encodeURIComponent(mode) + "; path=/; max-age=31536000; samesite=strict"
      + (location.protocol === "https:" ? "; secure" : "");
  }
};

// The sign-in and account pages render on the server only. With no saved choice they arrive light with the dark
// palette beside it (a <template>); a browser that prefers dark gets that palette.
(function () {
  function followBrowserTheme() {
    var dark = document.getElementById("fp-dark-palette");
    if (dark && window.matchMedia("(prefers-color-scheme: dark)").matches) {
      document.body.appendChild(dark.content.cloneNode(true));
      dark.remove();
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
    followBrowserTheme();
    if (window.Blazor) {
      window.Blazor.addEventListener("enhancedload", followBrowserTheme);
    }
  });
})();
