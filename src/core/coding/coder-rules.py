#!/usr/bin/env python3
"""coder-rules.py OUTPUT FILE...: writes OUTPUT, a header defining KEL_CODER_RULES, the
SHA-256 of the FILEs (the coder's sources, in the order given): the version of the rules."""
import hashlib
import os
import sys

out, files = sys.argv[1], sorted(sys.argv[2:], key=os.path.basename)
digest = hashlib.sha256()
for path in files:
    digest.update(os.path.basename(path).encode() + b'\0')
    with open(path, 'rb') as f:
        digest.update(f.read())
text = ('/* kel-coder-rules.h: made by coder-rules.py from the coder\'s sources */\n'
        '#define KEL_CODER_RULES "%s"\n' % digest.hexdigest())
with open(out + '.tmp', 'w') as f:
    f.write(text)
os.replace(out + '.tmp', out)
