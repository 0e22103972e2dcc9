# Extracts wos-scopus-pairs.tsv (see README.md). Run from the repository root
# with shared/ beside it: python3 bib/resolve/testdata/match_wos_scopus.py
import re,collections,json,html
wos=[]
cur=None
for line in open('../shared/data/exports/wos-bit-pattern-savedrecs.txt',encoding='utf-8-sig'):
    line=line.rstrip('\n')
    if line.startswith('CR '): cur='CR'; wos.append(line[3:])
    elif line.startswith('   ') and cur=='CR': wos.append(line[3:])
    else: cur=None
doire=re.compile(r'10\.\d{4,9}/[^\s,\]]+')
wd=collections.OrderedDict()
for c in wos:
    i=c.find(', DOI ')
    if i>=0:
        m=doire.search(c[i:])
        if m: wd.setdefault(m.group(0).lower().rstrip('.'),c)
txt=open('../shared/data/exports/scopus-bibx.ris',encoding='utf-8-sig').read()
refs=[]
for m in re.finditer(r'^N1  - References: (.*?)(?=^[A-Z][A-Z0-9]  - )',txt,re.S|re.M):
    for r in re.split(r';\n',m.group(1)):
        r=r.strip()
        if r: refs.append(r)
def scopus_dois(r):
    # Scopus escapes the < > of SICI DOIs and breaks them before "CO;2-X":
    # "…13:15&lt;1152::AID-ADMA1152&gt;3.0. CO;2-5" is one DOI.
    r=re.sub(r'(&gt;\d\.\d)\. (CO;2-[0-9A-Z])',r'\1.\2',r)
    return [m.group(0).lower().rstrip('.;') for m in doire.finditer(html.unescape(r))]
sd=collections.OrderedDict()
for r in refs:
    ds=scopus_dois(r)
    if len(set(ds))==1: sd.setdefault(ds[0],r)
shared=[d for d in wd if d in sd]
def key_w(c):
    p=c.split(', ')
    if len(p)<2: return None
    return (p[0].split()[0].lower().strip('[]'), p[1])
def key_s(r):
    m=re.match(r'([^,]+),.*?\((\d{4})\)',r)
    if not m: return None
    return (m.group(1).split()[0].lower(), m.group(2))
keys=set(key_w(wd[d]) for d in shared)|set(key_s(sd[d]) for d in shared)
neg_w=[d for d in wd if d not in sd and key_w(wd[d]) in keys]
neg_s=[d for d in sd if d not in wd and key_s(sd[d]) in keys]
print(len(shared),len(neg_w),len(neg_s))
with open('bib/resolve/testdata/wos-scopus-pairs.tsv','w') as f:
    f.write('# source\tdoi\treference (see README.md)\n')
    for d in shared: f.write('wos\t%s\t%s\n'%(d,wd[d]))
    for d in neg_w: f.write('wos\t%s\t%s\n'%(d,wd[d]))
    for d in shared: f.write('scopus\t%s\t%s\n'%(d,sd[d]))
    for d in neg_s: f.write('scopus\t%s\t%s\n'%(d,sd[d]))
