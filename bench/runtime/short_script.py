"""A typical short script: a few stdlib imports, some JSON, regex and dict work (CPython: ~0.1 s)."""
import collections
import json
import re

records = [{"id": i, "name": f"user{i}", "tags": [f"t{i % 7}", f"g{i % 3}"]} for i in range(5000)]
text = json.dumps(records)
loaded = json.loads(text)
counts = collections.Counter(tag for r in loaded for tag in r["tags"])
names = [m.group(1) for m in re.finditer(r'"name": "(user\d*7)"', text)]
print(len(loaded), sorted(counts.items())[:3], len(names))
