// The WYSIWYG editor of the editors' area (articles, 单页): turns each <textarea data-wysiwyg>
// (which works without JavaScript, as HTML) into a Quill editor with Chinese labels. Pictures
// are uploaded to /admin/uploads and inserted by URL. The server sanitizes whatever is
// submitted, so nothing here is trusted.
(function () {
  'use strict';
  if (typeof window.Quill !== 'function') return;

  // Quill draws these strings itself (its stylesheet holds the menu's; admin-editor.css puts
  // them in Chinese); the buttons get Chinese names here.
  var BUTTON_NAMES = {
    '.ql-header .ql-picker-label': '段落格式',
    '.ql-bold': '加粗',
    '.ql-italic': '斜体',
    '.ql-underline': '下划线',
    '.ql-list[value="ordered"]': '编号列表',
    '.ql-list[value="bullet"]': '项目符号列表',
    '.ql-blockquote': '引用',
    '.ql-link': '插入链接',
    '.ql-image': '插入图片',
    '.ql-clean': '清除格式',
  };

  Array.prototype.forEach.call(document.querySelectorAll('textarea[data-wysiwyg]'), enhance);

  function enhance(textarea) {
    var form = textarea.form;
    if (!form) return;
    var csrf = form.querySelector('input[name=_csrf]').value;
    var holder = document.createElement('div');
    holder.id = textarea.id + '-editor';
    holder.className = 'wysiwyg';
    textarea.insertAdjacentElement('afterend', holder);
    textarea.hidden = true;

    var quill = new window.Quill(holder, {
      theme: 'snow',
      placeholder: textarea.getAttribute('data-placeholder') || '在这里写正文……',
      modules: {
        toolbar: {
          container: [
            [{ header: [2, 3, false] }],
            ['bold', 'italic', 'underline'],
            [{ list: 'ordered' }, { list: 'bullet' }],
            ['blockquote', 'link', 'image'],
            ['clean'],
          ],
          handlers: { image: pickImage },
        },
      },
    });
    quill.clipboard.dangerouslyPasteHTML(textarea.value); // the stored, already sanitized HTML
    quill.root.setAttribute('aria-label', textarea.labels && textarea.labels[0] ? textarea.labels[0].textContent : '正文');
    var hint = textarea.getAttribute('aria-describedby');
    if (hint) quill.root.setAttribute('aria-describedby', hint);

    var toolbar = holder.previousElementSibling;
    if (toolbar && toolbar.classList.contains('ql-toolbar')) {
      Object.keys(BUTTON_NAMES).forEach(function (selector) {
        Array.prototype.forEach.call(toolbar.querySelectorAll(selector), function (button) {
          button.setAttribute('title', BUTTON_NAMES[selector]);
          button.setAttribute('aria-label', BUTTON_NAMES[selector]);
        });
      });
    }
    var linkBox = holder.querySelector('.ql-tooltip input[type=text]');
    if (linkBox) linkBox.setAttribute('data-link', '输入或粘贴网址，例如 https://www.example.cn/');

    form.addEventListener('submit', function () {
      textarea.value = quill.getLength() > 1 || quill.root.querySelector('img') ? quill.getSemanticHTML().replace(/&nbsp;/g, ' ') : '';
    });

    function pickImage() {
      var input = document.createElement('input');
      input.type = 'file';
      input.accept = 'image/png,image/jpeg,image/gif,image/webp';
      input.addEventListener('change', function () {
        if (!input.files || !input.files[0]) return;
        var data = new FormData();
        data.append('image', input.files[0]);
        fetch('/admin/uploads', {
          method: 'POST',
          body: data,
          headers: { 'x-csrf-token': csrf, accept: 'application/json' },
          credentials: 'same-origin',
        })
          .then(function (response) {
            if (!response.ok)
              throw new Error(
                response.status === 413
                  ? '图片太大（最大 8 MB）。'
                  : response.status === 415
                    ? '只能上传 PNG、JPEG、GIF 或 WebP 图片。'
                    : '上传失败（' + response.status + '）。',
              );
            return response.json();
          })
          .then(function (image) {
            var range = quill.getSelection(true);
            quill.insertEmbed(range.index, 'image', image.url, 'user');
            quill.setSelection(range.index + 1, 0);
          })
          .catch(function (error) {
            window.alert(error.message);
          });
      });
      input.click();
    }
  }
})();
