package org.graalpyos.spawn;

/**
 * One element of posix_spawn's file_actions, tagged as os.POSIX_SPAWN_OPEN/CLOSE/DUP2/CLOSEFROM;
 * Chdir only for subprocess's cwd (os.posix_spawn has no such action).
 */
public sealed interface FileAction {
    int OPEN = 0;
    int CLOSE = 1;
    int DUP2 = 2;
    int CLOSEFROM = 3;

    record Open(int fd, byte[] path, int oflag, int mode) implements FileAction {
    }

    record Close(int fd) implements FileAction {
    }

    record Dup2(int fd, int newFd) implements FileAction {
    }

    record CloseFrom(int fd) implements FileAction {
    }

    record Chdir(byte[] path) implements FileAction {
    }
}
