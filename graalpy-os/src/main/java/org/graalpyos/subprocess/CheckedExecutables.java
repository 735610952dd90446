package org.graalpyos.subprocess;

import java.util.List;

/**
 * subprocess's candidate programs (its PATH search) after the host's policy saw them, tried in
 * turn by the parent's spawn or the forked child's exec loop. A candidate that did not exist when
 * it was checked is never tried and stands for the errno it had then, so that no program runs
 * that the policy has not seen.
 */
public record CheckedExecutables(List<byte[]> paths, int[] errors) {
    public int size() {
        return paths.size();
    }

    public byte[] path(int index) {
        return paths.get(index);
    }

    /** 0 when {@link #path} is to be tried, else the errno it stands for. */
    public int error(int index) {
        return errors[index];
    }
}
