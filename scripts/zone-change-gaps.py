#!/usr/bin/env python3
"""The closest pairs of UTC-offset changes in a compiled tz database (default /usr/share/zoneinfo).

src/time/zone.ts assumes that no zone changes its offset twice within 48 hours. This reads every
TZif file's 64-bit transition table, keeps the transitions that change the offset (not only the
abbreviation or the DST flag), and prints the closest pairs. Run: python3 scripts/zone-change-gaps.py [DIR]
"""
import os
import struct
import sys


def offset_changes(path):
    data = open(path, 'rb').read()
    if data[:4] != b'TZif' or data[4] < ord('2'):
        return None
    counts = lambda at: struct.unpack('>6l', data[at + 20:at + 44])
    isut, isstd, leap, timecnt, typecnt, charcnt = counts(0)
    at = 44 + timecnt * 5 + typecnt * 6 + charcnt + leap * 8 + isstd + isut
    isut, isstd, leap, timecnt, typecnt, charcnt = counts(at)
    at += 44
    times = struct.unpack('>%dq' % timecnt, data[at:at + 8 * timecnt])
    at += 8 * timecnt
    indexes = data[at:at + timecnt]
    at += timecnt
    offsets = [struct.unpack('>l', data[at + 6 * i:at + 6 * i + 4])[0] for i in range(typecnt)]
    changes, before = [], offsets[0]
    for t, i in zip(times, indexes):
        if offsets[i] != before:
            changes.append((t, before, offsets[i]))
            before = offsets[i]
    return changes


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else '/usr/share/zoneinfo'
    gaps, zones = [], 0
    for folder, _, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            try:
                changes = offset_changes(path)
            except (OSError, struct.error):
                continue
            if changes is None:
                continue
            zones += 1
            zone = os.path.relpath(path, root)
            gaps += [(b[0] - a[0], zone, a, b) for a, b in zip(changes, changes[1:])]
    gaps.sort()
    print(f'{zones} zones read from {root}; closest offset changes:')
    for gap, zone, a, b in gaps[:10]:
        print(f'  {gap / 3600:7.1f} h  {zone}: {a[1]}s -> {a[2]}s at {a[0]}, {b[1]}s -> {b[2]}s at {b[0]}')
    return 0 if gaps and gaps[0][0] > 48 * 3600 else 1


if __name__ == '__main__':
    sys.exit(main())
