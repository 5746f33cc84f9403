/**
 * The listing as one self-contained HTML page: no network assets (the page's
 * own policy forbids them), rows rendered in the page itself so it reads without
 * scripts, and a small script for sorting by column, filters that combine with
 * AND, and copying each row's `docker pull` and `regkit copy` commands.
 */
import { formatBytes } from '../registry/index.js';
import { pullRef, type ImageRow } from './image.js';
import { firstLine, shortCommit, shortDigest, shortTime } from './table.js';

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

interface Column {
  title: string;
  /** What the cell shows (already escaped where needed). */
  cell: (r: ImageRow) => string;
  /** What the column sorts by. */
  key: (r: ImageRow) => string | number;
}

const columns: Column[] = [
  { title: 'Registry', cell: (r) => escape(r.registry), key: (r) => r.registry },
  { title: 'Image', cell: (r) => escape(r.repository), key: (r) => r.repository },
  {
    title: 'Tags',
    cell: (r) =>
      r.tags.length ? r.tags.map((t) => `<span class="tag">${escape(t)}</span>`).join(' ') : '<em>untagged</em>',
    key: (r) => r.tags.join(' '),
  },
  {
    title: 'Digest',
    cell: (r) => `<code title="${escape(r.digest)}">${escape(shortDigest(r.digest))}</code>`,
    key: (r) => r.digest,
  },
  { title: 'Platforms', cell: (r) => escape(r.platforms.join(', ')), key: (r) => r.platforms.join(' ') },
  { title: 'Size', cell: (r) => escape(formatBytes(r.size)), key: (r) => r.size },
  { title: 'Created', cell: (r) => escape(shortTime(r.created)), key: (r) => r.created ?? '' },
  { title: 'Branch', cell: (r) => escape(r.branch ?? ''), key: (r) => r.branch ?? '' },
  {
    title: 'Commit',
    cell: (r) => `<code title="${escape(r.revision ?? '')}">${escape(shortCommit(r.revision))}</code>`,
    key: (r) => r.revision ?? '',
  },
  {
    title: 'Message',
    cell: (r) => `<span title="${escape(r.message ?? '')}">${escape(firstLine(r.message))}</span>`,
    key: (r) => r.message ?? '',
  },
  { title: 'Base', cell: (r) => escape(r.base ?? ''), key: (r) => r.base ?? '' },
  { title: 'Attached', cell: (r) => escape([...new Set(r.attached)].join(', ')), key: (r) => r.attached.length },
];

function commands(r: ImageRow): string {
  const pull = `docker pull ${pullRef(r, false)}`;
  const copy = `regkit copy ${pullRef(r, false)} `;
  return (
    `<button type="button" class="copy" data-command="${escape(pull)}" title="${escape(pull)}">docker pull</button> ` +
    `<button type="button" class="copy" data-copy-from="${escape(copy)}" data-command="${escape(copy)}TARGET:TAG" title="${escape(copy)}TARGET:TAG">regkit copy</button>`
  );
}

function rowHtml(r: ImageRow): string {
  const data = {
    branch: r.branch ?? '',
    base: r.base ?? '',
    tags: r.tags.join('\n'),
    tagged: r.tags.length ? 'yes' : 'no',
    created: r.created ?? '',
  };
  const attrs = Object.entries(data)
    .map(([k, v]) => ` data-${k}="${escape(v)}"`)
    .join('');
  const keys = ` data-keys="${escape(JSON.stringify(columns.map((c) => c.key(r))))}"`;
  return `<tr${attrs}${keys}>${columns.map((c) => `<td>${c.cell(r)}</td>`).join('')}<td class="cmd">${commands(r)}</td></tr>`;
}

const STYLE = `
body{font:14px system-ui,sans-serif;margin:1.5rem;color:#1f2328}
h1{font-size:1.3rem}
form{display:flex;flex-wrap:wrap;gap:.75rem;margin:0 0 1rem}
label{display:flex;flex-direction:column;font-size:.8rem;color:#59636e}
input,select{font:inherit;padding:.25rem .4rem}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #d1d9e0;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{cursor:pointer;user-select:none;background:#f6f8fa;position:sticky;top:0}
th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
td:nth-child(6),td:nth-child(7),td.cmd,.tag{white-space:nowrap}
.tag{display:inline-block;background:#ddf4ff;border-radius:.6rem;padding:0 .45rem;margin:0 .15rem .15rem 0}
code{font-size:.85rem}
button.copy{font:inherit;font-size:.8rem;cursor:pointer}
#count{color:#59636e}
`;

// Plain ES2017 with no library: sort, filter (AND), copy.
const SCRIPT = `
(function(){
var body=document.querySelector('tbody');var rows=[].slice.call(body.rows);
var form=document.getElementById('filters');var count=document.getElementById('count');
function glob(p){if(!p)return null;var s=p.replace(/[.+^$\\{\\}()|[\\]\\\\]/g,'\\\\$&').replace(/\\*/g,'.*').replace(/\\?/g,'.');return new RegExp('^'+s+'$');}
function apply(){
  var f=form.elements,text=f.text.value.toLowerCase(),branch=glob(f.branch.value),tag=glob(f.tag.value),base=glob(f.base.value),tagged=f.tagged.value,since=f.since.value;
  var shown=0;
  rows.forEach(function(r){
    var d=r.dataset,ok=true;
    if(text&&r.textContent.toLowerCase().indexOf(text)<0)ok=false;
    if(ok&&branch&&!branch.test(d.branch))ok=false;
    if(ok&&base&&!base.test(d.base))ok=false;
    if(ok&&tag&&!d.tags.split('\\n').some(function(t){return tag.test(t)}))ok=false;
    if(ok&&tagged&&d.tagged!==tagged)ok=false;
    if(ok&&since&&!(d.created&&d.created.slice(0,10)>=since))ok=false;
    r.hidden=!ok;if(ok)shown++;
  });
  count.textContent=shown+' of '+rows.length+' images';
}
form.addEventListener('input',apply);form.addEventListener('submit',function(e){e.preventDefault();});
var target=document.getElementById('target');
target.addEventListener('input',function(){
  [].forEach.call(document.querySelectorAll('[data-copy-from]'),function(b){b.dataset.command=b.dataset.copyFrom+(target.value||'TARGET:TAG');b.title=b.dataset.command;});
});
[].forEach.call(document.querySelectorAll('th[data-col]'),function(th){
  th.addEventListener('click',function(){
    var col=+th.dataset.col,dir=th.getAttribute('aria-sort')==='ascending'?-1:1;
    [].forEach.call(document.querySelectorAll('th'),function(h){h.removeAttribute('aria-sort')});
    th.setAttribute('aria-sort',dir>0?'ascending':'descending');
    rows.sort(function(a,b){var x=JSON.parse(a.dataset.keys)[col],y=JSON.parse(b.dataset.keys)[col];return (x<y?-1:x>y?1:0)*dir;});
    rows.forEach(function(r){body.appendChild(r)});
  });
});
document.addEventListener('click',function(e){
  var b=e.target.closest&&e.target.closest('button.copy');if(!b)return;
  var text=b.dataset.command;
  function done(){b.dataset.copied='yes';var old=b.textContent;b.textContent='copied';setTimeout(function(){b.textContent=old},1200);}
  if(navigator.clipboard&&navigator.clipboard.writeText)navigator.clipboard.writeText(text).then(done,function(){prompt('Copy:',text)});
  else prompt('Copy:',text);
});
apply();
})();
`;

export function renderHtml(rows: ImageRow[], opts: { title?: string; generated?: Date } = {}): string {
  const title = opts.title ?? 'Images';
  const when = (opts.generated ?? new Date()).toISOString().slice(0, 16).replace('T', ' ');
  const head = columns.map((c, i) => `<th data-col="${i}">${escape(c.title)}</th>`).join('') + '<th>Commands</th>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(title)}</title><style>${STYLE}</style></head>
<body>
<h1>${escape(title)}</h1>
<p>Listed by regkit at ${escape(when)} UTC. <span id="count">${rows.length} images</span></p>
<form id="filters">
<label>Search<input name="text" type="search"></label>
<label>Branch<input name="branch" placeholder="main, release-*"></label>
<label>Tag<input name="tag" placeholder="v1.*"></label>
<label>Base image<input name="base" placeholder="node:*"></label>
<label>Tagged<select name="tagged"><option value="">all</option><option value="yes">tagged</option><option value="no">untagged</option></select></label>
<label>Created since<input name="since" type="date"></label>
<label>Copy to<input id="target" placeholder="registry.example/app:prod"></label>
</form>
<table><thead><tr>${head}</tr></thead>
<tbody>
${rows.map(rowHtml).join('\n')}
</tbody></table>
<script>${SCRIPT}</script>
</body></html>
`;
}
