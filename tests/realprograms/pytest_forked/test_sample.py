import os
PARENT = int(os.environ["DRIVER_PID"])
def test_runs_in_forked_child():
    assert os.getppid() != PARENT  # pytest's own process is the parent, not the driver
    global leaked; leaked = 1
def test_isolated_from_previous_test():
    assert "leaked" not in globals()
def test_crash_is_reported():
    os._exit(7)   # a crashing test is reported as failed, the run goes on
def test_after_crash():
    assert 1 + 1 == 2
