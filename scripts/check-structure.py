#!/usr/bin/env python3
"""check-structure.py: the house rules of src/ that a compiler does not check.

  check-structure.py SRC_DIR [CORE_LIBRARY]   check; exit 1 with every breach listed
  check-structure.py SRC_DIR --dot            the include graph of src's folders (dot): the
                                              programs and the core's stages
  check-structure.py SRC_DIR --long [N]       the functions longer than N lines (default
                                              AIM_LINES), longest first; never fails

- src/core is one folder per stage; a stage includes headers only from itself and from
  the stages before it (STAGES, lowest first), so data flows one way.
- a private header (kel-x-private.h) is included only from its own folder.
- no circle between the core's files: with the core library given, the files' calls to
  each other (read from the symbols each object file defines and uses, `nm`) have no
  cycle, so each file can be read knowing only the files it calls.
- no function in src/ is longer than MAX_LINES lines, but for the exceptions below, each
  with its reason. The issue's aim is AIM_LINES, a screen: a check lists each function
  over it as a warning, with a count (a warning does not fail), and `--long` lists them
  alone. A function that stays over AIM_LINES for a reason is named in AIM_EXCEPTIONS,
  under its file, with that reason, which the warning repeats.
"""
import os
import re
import subprocess
import sys

STAGES = ['base', 'text', 'ingest', 'coding', 'dataset', 'linking', 'analysis', 'project', 'exchange']
MAX_LINES = 120
AIM_LINES = 80
# function -> why it may be longer. Every entry here is a debt: the moves into stage
# folders left these as they were, and each goes when its function is split.
LONG_FUNCTION_EXCEPTIONS = {
}
# file (relative to src) -> {function: why it stays over AIM_LINES}. A table of rules is
# data, not a function; a function is named here only when splitting it would hide what
# it does. The functions over AIM_LINES not named here are warned of as debts.
AIM_EXCEPTIONS = {
}
# file -> private header of another folder it may include, and why (debts, as above)
PRIVATE_INCLUDE_EXCEPTIONS = {
}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def core_headers(core):
    where = {}
    for stage in STAGES:
        folder = os.path.join(core, stage)
        if not os.path.isdir(folder):
            continue
        for name in os.listdir(folder):
            if name.endswith('.h'):
                where[name] = stage
    return where


def source_files(src):
    for root, _dirs, files in os.walk(src):
        for name in sorted(files):
            if name.endswith(('.c', '.h')):
                yield os.path.join(root, name)


def check_includes(src):
    core = os.path.join(src, 'core')
    where = core_headers(core)
    rank = {s: i for i, s in enumerate(STAGES)}
    problems, edges = [], set()
    for path in source_files(src):
        rel = os.path.relpath(path, src)
        parts = rel.split(os.sep)
        in_core = parts[0] == 'core' and len(parts) == 3
        stage = parts[1] if in_core else None
        if parts[0] == 'core' and not in_core:
            problems.append('%s: a core file outside the stage folders' % rel)
            continue
        app = parts[0] if parts[0] != 'core' and len(parts) > 1 else None
        with open(path, encoding='utf-8') as f:
            text = f.read()
        for header in INCLUDE.findall(text):
            target = where.get(header)
            if target is None:
                continue
            if (header.endswith('-private.h') and target != stage
                    and (rel, header) not in PRIVATE_INCLUDE_EXCEPTIONS):
                problems.append('%s includes %s, private to core/%s' % (rel, header, target))
            if in_core:
                if rank[target] > rank[stage]:
                    problems.append('%s (stage %s) includes %s of a later stage, %s'
                                    % (rel, stage, header, target))
                if target != stage:
                    edges.add((stage, target))
            elif app is not None:
                edges.add((app, target))
    return problems, edges


def nm(library, *flags):
    out = subprocess.run(['nm', '-A', *flags, library], check=True,
                         capture_output=True, text=True).stdout
    for line in out.splitlines():
        # libkelisim-core.a:stage_kel-x.c.o:0000000000000000 T symbol   (or "  U symbol")
        head, _, rest = line.rpartition(':')
        fields = rest.split()
        if len(fields) >= 2:
            yield head.rsplit(':', 1)[-1], fields[-2], fields[-1]


def check_cycles(library):
    defined, uses = {}, {}
    for obj, kind, sym in nm(library, '--defined-only'):
        if kind in 'TDBRC':
            defined[sym] = obj
    for obj, kind, sym in nm(library, '--undefined-only'):
        if sym in defined and defined[sym] != obj:
            uses.setdefault(obj, set()).add(defined[sym])
    # Tarjan's strongly connected components
    index, low, stack, on, comps, n = {}, {}, [], set(), [], [0]
    nodes = set(uses) | {t for ts in uses.values() for t in ts}

    def visit(v):
        index[v] = low[v] = n[0]
        n[0] += 1
        stack.append(v)
        on.add(v)
        for w in uses.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                comps.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(nodes):
        if v not in index:
            visit(v)
    def pretty(o):
        return o.replace('.c.o', '.c').replace('_', '/', 1)
    return ['a circle of calls between %s' % ', '.join(pretty(o) for o in c) for c in comps]


FUNC_NAME = re.compile(r'^([A-Za-z_][A-Za-z0-9_]*)\s*\(')


def function_lengths(src):
    """(file relative to src, function, lines) for each function defined in src's .c files:
    a line starting with '{' opens one, named on the line above that starts like a call."""
    for path in source_files(src):
        if not path.endswith('.c'):
            continue
        with open(path, encoding='utf-8') as f:
            lines = f.read().split('\n')
        start, name = None, None
        for i, line in enumerate(lines):
            if line.startswith('{'):
                j = i - 1
                while j >= 0 and lines[j].strip() and not FUNC_NAME.match(lines[j]):
                    j -= 1
                m = FUNC_NAME.match(lines[j]) if j >= 0 else None
                name, start = (m.group(1) if m else None), i
            elif line.startswith('}') and start is not None:
                if name:
                    yield os.path.relpath(path, src), name, i - start + 1
                start = None


def check_lengths(src):
    return ['%s: %s() is %d lines long (at most %d)' % (rel, name, length, MAX_LINES)
            for rel, name, length in function_lengths(src)
            if length > MAX_LINES and name not in LONG_FUNCTION_EXCEPTIONS]


def aim_warnings(src):
    """A warning for each function over AIM_LINES (longest first), with its file's stated
    reason if it has one, and a count; never a problem."""
    found = sorted((f for f in function_lengths(src) if AIM_LINES < f[2] <= MAX_LINES
                    or (f[2] > MAX_LINES and f[1] in LONG_FUNCTION_EXCEPTIONS)),
                   key=lambda f: (-f[2], f[0]))
    lines, excused = [], 0
    for rel, name, length in found:
        why = AIM_EXCEPTIONS.get(rel, {}).get(name)
        excused += why is not None
        lines.append('warning: %s: %s() is %d lines long (the aim is %d)%s'
                     % (rel, name, length, AIM_LINES, ': ' + why if why else ''))
    lines.append('%d warning%s: function%s over %d lines (%d with a stated reason)'
                 % (len(found), '' if len(found) == 1 else 's', '' if len(found) == 1 else 's',
                    AIM_LINES, excused))
    return lines


def stale_aim_exceptions(src):
    """The AIM_EXCEPTIONS that no longer name a function over AIM_LINES: a problem, so the
    list does not outlive its reasons."""
    long = {(rel, name) for rel, name, length in function_lengths(src) if length > AIM_LINES}
    return ['%s: %s() is named in AIM_EXCEPTIONS but is not over %d lines (or not there)'
            % (rel, name, AIM_LINES)
            for rel, names in sorted(AIM_EXCEPTIONS.items()) for name in sorted(names)
            if (rel, name) not in long]


def long_functions(src, limit):
    found = sorted((f for f in function_lengths(src) if f[2] > limit), key=lambda f: (-f[2], f[0]))
    for rel, name, length in found:
        print('%4d  %s  %s()' % (length, rel, name))
    print('%d function%s over %d lines' % (len(found), '' if len(found) == 1 else 's', limit))
    return 0


def dot(edges):
    """The include graph: the programs (gui, cli) on top, then the stages, each including
    only the ones below it; an arrow for each folder that includes another."""
    apps = sorted({a for a, _ in edges if a not in STAGES})
    lines = ['digraph stages {', '  rankdir=TB;', '  ranksep=0.35;',
             '  node [shape=box, style=rounded, fontname="DejaVu Sans", fontsize=11];',
             '  edge [color="#777777", arrowsize=0.6];']
    lines.append('  { rank=same; %s }' % ' '.join('"%s";' % a for a in apps))
    for a in apps:
        lines.append('  "%s" [label="src/%s", style="rounded,bold"];' % (a, a))
    for stage in STAGES:
        lines.append('  "%s" [label="core/%s"];' % (stage, stage))
    for a, b in sorted(edges):
        lines.append('  "%s" -> "%s"%s;' % (a, b, ' [style=dashed, color="#bbbbbb"]'
                                             if a in apps else ''))
    lines.append('}')
    return '\n'.join(lines)


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    src = argv[1]
    if len(argv) > 2 and argv[2] == '--long':
        return long_functions(src, int(argv[3]) if len(argv) > 3 else AIM_LINES)
    problems, edges = check_includes(src)
    if len(argv) > 2 and argv[2] == '--dot':
        print(dot(edges))
        return 0
    if len(argv) > 2:
        problems += check_cycles(argv[2])
    problems += check_lengths(src)
    problems += stale_aim_exceptions(src)
    for w in aim_warnings(src):
        print(w)
    for p in problems:
        print(p)
    print('%d problem%s' % (len(problems), '' if len(problems) == 1 else 's'))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
