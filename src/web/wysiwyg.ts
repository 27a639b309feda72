// What a page with the WYSIWYG editor (articles, 单页) loads: Quill from its npm package
// (served by the app itself), then our layout and Chinese strings, then the script that turns
// each <textarea data-wysiwyg> into an editor.
export const WYSIWYG_ASSETS = {
  extraStyles: ['/vendor/quill/quill.snow.css', '/css/admin-editor.css'],
  extraScripts: ['/vendor/quill/quill.js', '/js/admin-editor.js'],
} as const;
