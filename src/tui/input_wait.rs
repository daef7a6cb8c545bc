//! Waiting for keys without spinning on a terminal that is gone. When the terminal
//! closes (the window, the SSH connection, a tmux server), reads from it return end of
//! file at once, forever; crossterm's wait then spins at full CPU and never returns, so
//! the session would neither save nor exit. `poll(2)` on the terminal reports the hang-up
//! instead, and the caller ends the session as on SIGHUP.

use std::io::IsTerminal;
use std::time::Duration;

/// What waiting on the terminal found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wait {
    /// Bytes to read (or nothing to tell: ask crossterm, which also sees resizes).
    Ready,
    /// Nothing came within the time.
    Idle,
    /// The terminal hung up: nobody can type or see any more.
    HungUp,
}

/// Waits up to `timeout` for input on standard input when it is the terminal; elsewhere
/// (input redirected, not Unix) says `Ready` and leaves the wait to crossterm.
pub fn wait(timeout: Duration) -> Wait {
    // Asked once: the loop waits up to twenty times a second.
    static STDIN_IS_TERMINAL: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    if !*STDIN_IS_TERMINAL.get_or_init(|| std::io::stdin().is_terminal()) {
        return Wait::Ready;
    }
    wait_fd(0, timeout)
}

#[cfg(unix)]
fn wait_fd(fd: i32, timeout: Duration) -> Wait {
    let mut pfd = libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    };
    let ms = i32::try_from(timeout.as_millis()).unwrap_or(i32::MAX);
    // SAFETY: one valid `pollfd` on the stack, and its count, 1.
    let n = unsafe { libc::poll(&mut pfd, 1, ms) };
    if n < 0 {
        return Wait::Ready; // EINTR (a signal): the caller looks at its flags next
    }
    if pfd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
        return Wait::HungUp;
    }
    if n == 0 { Wait::Idle } else { Wait::Ready }
}

#[cfg(not(unix))]
fn wait_fd(_fd: i32, _timeout: Duration) -> Wait {
    Wait::Ready
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_closed_pipe_is_a_hang_up_and_an_open_one_is_idle() {
        let mut fds = [0i32; 2];
        // SAFETY: `pipe` fills the two descriptors it is given.
        assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
        let [read, write] = fds;
        assert_eq!(wait_fd(read, Duration::from_millis(10)), Wait::Idle);
        // SAFETY: `write` is ours and written once, then closed once.
        unsafe {
            assert_eq!(libc::write(write, b"x".as_ptr().cast(), 1), 1);
        }
        assert_eq!(wait_fd(read, Duration::from_millis(10)), Wait::Ready);
        unsafe {
            libc::close(write);
        }
        let mut byte = [0u8; 1];
        unsafe {
            libc::read(read, byte.as_mut_ptr().cast(), 1);
        }
        assert_eq!(wait_fd(read, Duration::from_millis(10)), Wait::HungUp);
        unsafe {
            libc::close(read);
        }
    }
}
