// The article editor: turns the body <textarea> (which works without JavaScript, as HTML)
// into a Quill WYSIWYG editor. Pictures are uploaded to /admin/uploads and inserted by URL.
// The server sanitizes whatever is submitted, so nothing here is trusted.
(function () {
  'use strict';
  var textarea = document.getElementById('article-body');
  var form = document.getElementById('article-form');
  if (!textarea || !form || typeof window.Quill !== 'function') return;
  var csrf = form.querySelector('input[name=_csrf]').value;

  var holder = document.createElement('div');
  holder.id = 'article-body-editor';
  textarea.insertAdjacentElement('afterend', holder);
  textarea.hidden = true;

  var quill = new window.Quill(holder, {
    theme: 'snow',
    placeholder: '在这里写正文……',
    modules: {
      toolbar: {
        container: [[{ header: [2, 3, false] }], ['bold', 'italic', 'underline'], [{ list: 'ordered' }, { list: 'bullet' }], ['blockquote', 'link', 'image'], ['clean']],
        handlers: { image: pickImage },
      },
    },
  });
  quill.clipboard.dangerouslyPasteHTML(textarea.value); // the stored, already sanitized HTML
  quill.root.setAttribute('aria-label', '正文');
  quill.root.setAttribute('aria-describedby', 'article-body-hint');

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
      fetch('/admin/uploads', { method: 'POST', body: data, headers: { 'x-csrf-token': csrf, accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status === 413 ? '图片太大（最大 8 MB）。' : response.status === 415 ? '只能上传 PNG、JPEG、GIF 或 WebP 图片。' : '上传失败（' + response.status + '）。');
          return response.json();
        })
        .then(function (image) {
          var range = quill.getSelection(true);
          quill.insertEmbed(range.index, 'image', image.url, 'user');
          quill.setSelection(range.index + 1, 0);
        })
        .catch(function (error) { window.alert(error.message); });
    });
    input.click();
  }
})();
