// Progressive enhancement only: every link here works without this script.
// 设为首页 / 加入收藏: browsers no longer let pages set the home page or add bookmarks, so we
// show the reader the exact shortcut or steps for their browser in a dialog.
(function () {
  'use strict';

  var ua = navigator.userAgent;
  var isMac = /Macintosh|Mac OS X/.test(ua) && !/iPhone|iPad|iPod/.test(ua);
  var isIOS = /iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && navigator.maxTouchPoints > 1);
  var isAndroid = /Android/.test(ua);
  var browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrome\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : '';

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function bookmarkSteps() {
    if (isIOS) return ['点浏览器底部的“分享”按钮，再选“添加书签”或“添加到主屏幕”。'];
    if (isAndroid) return ['点浏览器右上角的菜单，再点星形图标 ☆ 即可收藏。'];
    return [['按下 ', isMac ? '⌘ Command' : 'Ctrl', ' + ', 'D', ' 即可把本页加入收藏夹。']];
  }

  function homepageSteps() {
    if (isIOS || isAndroid) return ['打开浏览器菜单，选“添加到主屏幕”，以后点主屏幕上的图标就能直接打开本站。'];
    if (browser === 'Firefox') return ['打开“设置”→“主页”，在“主页和新窗口”中选“自定义网址”，粘贴本站网址。'];
    if (browser === 'Safari') return ['打开“Safari 浏览器”→“设置”→“通用”，在“主页”一栏粘贴本站网址。'];
    if (browser === 'Edge') return ['打开“设置”→“开始、主页和新建标签页”，选“打开以下页面”，添加本站网址。'];
    return ['打开“设置”→“启动时”，选“打开特定网页或一组网页”，添加本站网址。'];
  }

  function stepNode(step) {
    var p = el('p');
    if (typeof step === 'string') {
      p.textContent = step;
    } else {
      // ['按下 ', key1, ' + ', key2, rest]: keys as <kbd>
      p.appendChild(document.createTextNode(step[0]));
      p.appendChild(el('kbd', step[1]));
      p.appendChild(document.createTextNode(step[2]));
      p.appendChild(el('kbd', step[3]));
      p.appendChild(document.createTextNode(step[4]));
    }
    return p;
  }

  function showHelp(kind, moreHref) {
    if (typeof HTMLDialogElement !== 'function') return false;
    var dialog = el('dialog', '', 'help-dialog');
    dialog.setAttribute('aria-labelledby', 'help-dialog-title');
    var title = el('h2', kind === 'bookmark' ? '加入收藏' : '设为首页');
    title.id = 'help-dialog-title';
    dialog.appendChild(title);
    (kind === 'bookmark' ? bookmarkSteps() : homepageSteps()).forEach(function (step) {
      dialog.appendChild(stepNode(step));
    });
    var actions = el('div', '', 'dialog-actions');
    if (kind === 'set-homepage' && navigator.clipboard) {
      var copy = el('button', '复制本站网址', 'button');
      copy.type = 'button';
      copy.addEventListener('click', function () {
        navigator.clipboard.writeText(location.origin + '/').then(
          function () {
            copy.textContent = '已复制';
          },
          function () {
            copy.textContent = '复制失败，请手动复制地址栏';
          },
        );
      });
      actions.appendChild(copy);
    }
    var close = el('button', '关闭', 'button button-secondary');
    close.type = 'button';
    close.addEventListener('click', function () {
      dialog.close();
    });
    actions.appendChild(close);
    var more = el('a', '查看各浏览器的详细步骤');
    more.href = moreHref;
    actions.appendChild(more);
    dialog.appendChild(actions);
    dialog.addEventListener('close', function () {
      dialog.remove();
    });
    document.body.appendChild(dialog);
    dialog.showModal();
    return true;
  }

  document.addEventListener('click', function (event) {
    var link = event.target instanceof Element ? event.target.closest('a[data-help]') : null;
    if (!link) return;
    if (showHelp(link.getAttribute('data-help'), link.getAttribute('href'))) event.preventDefault();
  });
})();

// 看不清？换一张: without JS the link reloads the page (and so the image); with JS only the
// image is replaced, keeping what the reader typed.
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var link = event.target instanceof Element ? event.target.closest('a[data-captcha-refresh]') : null;
    if (!link) return;
    var image = link.parentElement && link.parentElement.querySelector('img.captcha-image');
    if (!image) return;
    event.preventDefault();
    var url = new URL(image.getAttribute('src'), location.href);
    url.searchParams.set('t', String(Date.now()));
    image.setAttribute('src', url.pathname + url.search);
    var input = link.parentElement.querySelector('input[name=captcha]');
    if (input) {
      input.value = '';
      input.focus();
    }
  });
})();

// The comment form comes in a frame (the article page itself is cached for everyone). Without
// JS the frame has a fixed height that fits the form; with JS it takes the form's own height.
(function () {
  'use strict';
  function fit(frame) {
    var doc;
    try {
      doc = frame.contentDocument;
    } catch (e) {
      return;
    }
    if (!doc || !doc.body || !doc.body.classList.contains('comment-frame-body')) return;
    // the body's own height: the document's is never less than the frame's
    var setHeight = function () {
      frame.style.height = Math.ceil(doc.body.getBoundingClientRect().height) + 'px';
    };
    setHeight();
    if (!frame.dataset.fitted && typeof ResizeObserver === 'function') {
      frame.dataset.fitted = '1';
      new ResizeObserver(setHeight).observe(doc.body);
    }
  }
  function watch(frame) {
    frame.addEventListener('load', function () {
      delete frame.dataset.fitted;
      fit(frame);
    });
    fit(frame); // it may have loaded before this script ran
  }
  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('iframe.comment-frame'), watch);
    // A comment form that came back with errors: its summary takes the focus (its autofocus
    // attribute does that without JS; this covers browsers that skip autofocus).
    var summary = document.getElementById('comment-form-errors');
    if (summary && document.activeElement !== summary) summary.focus();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();

// Reading tools on the article page. 字号 works without this script (the links are #anchors the
// stylesheet answers to); here the choice is remembered for the next article. 打印 and 复制链接
// need a script, so their buttons are shown only by it.
(function () {
  'use strict';

  var SIZES = ['large', 'medium', 'small'];
  var KEY = 'article-font-size';

  function remembered() {
    try {
      var value = window.localStorage.getItem(KEY);
      return SIZES.indexOf(value) >= 0 ? value : null;
    } catch (e) {
      return null;
    }
  }
  function remember(size) {
    try {
      window.localStorage.setItem(KEY, size);
    } catch (e) {
      /* private browsing: the choice lasts for this page only */
    }
  }
  function apply(body, size) {
    body.classList.remove('size-large', 'size-small');
    if (size === 'large' || size === 'small') body.classList.add('size-' + size);
  }
  function start() {
    var body = document.querySelector('.article-body');
    var links = document.querySelectorAll('.size-links a[data-size]');
    if (body && links.length > 0) {
      var fromHash = (location.hash || '').replace('#size-', '');
      if (SIZES.indexOf(fromHash) < 0) apply(body, remembered());
      Array.prototype.forEach.call(links, function (link) {
        link.addEventListener('click', function (event) {
          var size = link.getAttribute('data-size');
          event.preventDefault();
          apply(body, size);
          remember(size);
          if (location.hash.indexOf('#size-') === 0) history.replaceState(null, '', location.pathname + location.search);
        });
      });
    }
    var print = document.querySelector('.print-button');
    if (print) {
      print.hidden = false;
      print.addEventListener('click', function () {
        window.print();
      });
    }
    var copy = document.querySelector('.copy-link');
    var field = copy && document.querySelector(copy.getAttribute('data-copy'));
    if (copy && field && navigator.clipboard) {
      copy.hidden = false;
      copy.addEventListener('click', function () {
        navigator.clipboard.writeText(field.value).then(function () {
          copy.textContent = '已复制';
        });
      });
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
