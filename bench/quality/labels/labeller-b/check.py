"""Validate labeller-b files: valid JSON, every id covered exactly once, label values legal."""
import json, collections, sys
C='/work/wt-quality/bench/quality/corpus/'
def load(p): return [json.loads(l) for l in open(p) if l.strip()]
ok=True
S=load(C+'sentences.jsonl'); LS=load('sentences.jsonl')
ids=[s['id'] for s in S]; lids=[x['id'] for x in LS]
if sorted(ids)!=sorted(lids) or len(set(lids))!=len(lids): ok=False; print('sentences: coverage mismatch')
if any(x['label'] not in ('CFS','UFS','NFS') for x in LS): ok=False; print('bad sentence label')
P=load(C+'pairs.jsonl'); LP=load('pairs.jsonl')
if sorted(p['id'] for p in P)!=sorted(x['id'] for x in LP) or len({x['id'] for x in LP})!=len(LP): ok=False; print('pairs: coverage mismatch')
if any(not isinstance(x['same'],bool) for x in LP): ok=False; print('bad pair label')
EC=load(C+'evidence-candidates.jsonl'); LE=load('evidence.jsonl')
want=sorted((d['query'],c) for d in EC for c in d['candidates']); got=[(x['query'],x['passage']) for x in LE]
if want!=sorted(got) or len(set(got))!=len(got): ok=False; print('evidence: coverage mismatch')
if any(x['grade'] not in (0,1,2,3) for x in LE): ok=False; print('bad grade')
Q={q['id']:q['claim'] for q in load(C+'evidence-queries.jsonl')}; PS={p['id']:p['passage'] for p in load(C+'evidence-passages.jsonl')}
for x in LE:
    if PS[x['passage']].strip()==Q[x['query']].strip() and x['grade']!=0: ok=False; print('identical passage graded >0',x)
print('sentences',len(LS),dict(collections.Counter(x['label'] for x in LS)))
print('pairs',len(LP),dict(collections.Counter(x['same'] for x in LP)))
print('evidence',len(LE),dict(sorted(collections.Counter(x['grade'] for x in LE).items())))
print('OK' if ok else 'PROBLEMS'); sys.exit(0 if ok else 1)
