// Says why the page cannot start, in place of "正在加载……", instead of leaving it stuck: in IE
// (兼容模式 of 360/QQ/搜狗) there is no WebAssembly; an engine too old for the program (before
// Chrome 86 / Firefox 78) fails to load it; a site policy may forbid compiling it. Loaded as a
// classic script before the program and written in ES5, so that every engine, IE included, can
// run it. The program's loader (Trunk.toml pattern_script) calls ogiStartFailed on a failure.
(function () {
  var ua = navigator.userAgent;
  var chrome = /(?:Chrome|Chromium)\/(\d+)/.exec(ua);
  var firefox = /Firefox\/(\d+)/.exec(ua);
  var ie = /Trident\/|MSIE /.test(ua);
  var USE = '请使用 360 安全浏览器或 360 极速浏览器 13 及以上版本的“极速模式”、Chrome 86 及以上、Edge、Firefox 78 及以上版本的浏览器打开本页。';

  function engine() {
    if (chrome) return '（浏览器内核 Chromium ' + chrome[1] + '）';
    if (firefox) return '（Firefox ' + firefox[1] + '）';
    return '';
  }

  function say(message, detail) {
    var loading = document.getElementById('loading');
    if (!loading) return;
    loading.className = 'loading load-failed';
    loading.setAttribute('role', 'alert');
    loading.setAttribute('data-load-failed', '');
    loading.innerHTML = '';
    var text = document.createElement('p');
    text.appendChild(document.createTextNode(message));
    loading.appendChild(text);
    if (detail) {
      var small = document.createElement('p');
      small.className = 'load-detail';
      small.appendChild(document.createTextNode('技术信息：' + detail));
      loading.appendChild(small);
    }
  }

  function whenReady(action) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', action);
    else action();
  }

  if (ie || typeof WebAssembly !== 'object' || typeof Promise !== 'function') {
    whenReady(function () {
      say(ie
        ? '当前浏览器处于“兼容模式”（IE 内核），无法运行本填写页面。请点击地址栏右侧的模式图标（闪电或“e”），切换到“极速模式”；或' + USE
        : '当前浏览器不支持本页面需要的 WebAssembly 技术' + engine() + '。' + USE);
    });
    return;
  }

  window.ogiStartFailed = function (error) {
    var detail = String((error && (error.message || error.name)) || error);
    whenReady(function () {
      if (/disallowed|unsafe-eval|Content Security Policy|CSP/i.test(detail)) {
        say('网站的安全策略（Content-Security-Policy）不允许本浏览器' + engine() + '运行本页面的程序。请联系网站管理员（部署说明中有适用于旧版浏览器的策略），或使用 Chrome 97 及以上版本的浏览器。', detail);
      } else if ((chrome && +chrome[1] < 86) || (firefox && +firefox[1] < 78)) {
        say('当前浏览器版本过旧' + engine() + '，无法运行本填写页面。' + USE, detail);
      } else {
        say('页面程序未能加载' + engine() + '。请检查网络后刷新页面；如仍不能使用，' + USE, detail);
      }
    });
  };

  // An engine without module scripts runs neither the loader nor its failure handler.
  setTimeout(function () {
    if (!document.documentElement.getAttribute('data-app-ready') && document.getElementById('loading') && !('noModule' in document.createElement('script'))) {
      say('当前浏览器版本过旧' + engine() + '，无法运行本填写页面。' + USE);
    }
  }, 3000);
})();
