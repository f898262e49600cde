// Remembers the console's light/dark choice for this browser. The server reads the cookie before the
// first paint, so the page never flashes the other theme.
window.flexPayConsole = {
  saveTheme: function (mode) {
    document.cookie = "flexpay-theme=" + encodeURIComponent(mode) + "; path=/; max-age=31536000; samesite=lax";
  }
};
