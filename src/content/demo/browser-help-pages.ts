// Static pages behind 设为首页 and 加入收藏: what to do in today's browsers (their old
// IE-only scripting APIs are gone). The no-JS fallback of the top bar's links.

export const browserHelpPages = [
  {
    slug: 'set-homepage',
    title: '设为首页',
    bodyHtml: `<p>现代浏览器出于安全考虑，不再允许网页自行修改您的首页。您可以按下面的步骤，把本站设为打开浏览器时显示的页面：</p>
<h2>Chrome / Edge</h2>
<ol><li>打开“设置”（地址栏输入 chrome://settings 或 edge://settings）。</li><li>找到“启动时”（Edge 为“开始、主页和新建标签页”）。</li><li>选择“打开特定网页或一组网页”，点击“添加新网页”，填入本站网址。</li></ol>
<h2>Firefox</h2>
<ol><li>打开“设置”→“主页”。</li><li>在“主页和新窗口”中选择“自定义网址”，填入本站网址。</li></ol>
<h2>Safari（Mac）</h2>
<ol><li>打开“Safari 浏览器”→“设置”→“通用”。</li><li>在“主页”一栏填入本站网址，并将“新窗口打开方式”设为“主页”。</li></ol>
<h2>手机浏览器</h2>
<p>在 iPhone 的 Safari 中点“分享”→“添加到主屏幕”；在安卓 Chrome 中点右上角菜单→“添加到主屏幕”，即可像应用一样一键打开本站。</p>`,
  },
  {
    slug: 'bookmark',
    title: '加入收藏',
    bodyHtml: `<p>把本站加入收藏夹（书签），下次一键直达：</p>
<h2>电脑浏览器</h2>
<ul><li>Windows / Linux：按 <strong>Ctrl + D</strong>。</li><li>Mac：按 <strong>⌘ Command + D</strong>。</li><li>也可以点击地址栏右侧的星形图标 ☆。</li></ul>
<h2>手机浏览器</h2>
<ul><li>iPhone / iPad 的 Safari：点“分享”按钮 →“添加书签”或“添加到主屏幕”。</li><li>安卓 Chrome：点右上角菜单 → 星形图标 ☆。</li></ul>
<p>收藏后，您可以在浏览器的书签栏或书签菜单中找到本站。</p>`,
  },
];
