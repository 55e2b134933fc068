"""Notice a lost kernel reply in seconds instead of at the cell time-out.

On a loaded machine the reply to a cell's execute request is sometimes lost: the kernel has
finished and is idle, the client waits for a message that never comes, and only the cell
time-out (300 s) ends the wait. The client here checks on the kernel whenever a cell has gone
HEARTBEAT_SECONDS without a reply: it asks the kernel for its info over a connection of its
own. A kernel answers shell requests in the order they came, so an answer means the cell has
finished; its reply is then given LOST_REPLY_GRACE seconds more before `LostKernelReply` is
raised and the notebook runs again. A cell that is still running simply delays the answer, so
a long cell is never mistaken for a lost reply; the cell time-out still bounds it.
"""

from __future__ import annotations

import asyncio
import contextlib

from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, papermill_engines
from papermill.log import logger
from papermill.utils import merge_kwargs, remove_args

ENGINE_NAME = "greenmetrics-watched"
HEARTBEAT_SECONDS = 5.0  # a cell silent this long gets the kernel asked whether it is done
LOST_REPLY_GRACE = 10.0  # seconds the reply may trail the kernel's answer (a loaded machine)


class LostKernelReply(Exception):
    """The kernel finished a cell but its reply never reached the client."""

    def __init__(self, cell_index: int | None):
        self.cell_index = cell_index
        super().__init__(f"cell {cell_index} finished, its reply never came")


class WatchedNotebookClient(PapermillNotebookClient):
    """papermill's notebook client, with the wait for each cell's reply watched (see module)."""

    async def _async_poll_for_reply(
        self, msg_id, cell, timeout, task_poll_output_msg, task_poll_kernel_alive
    ):
        reply = asyncio.ensure_future(
            super()._async_poll_for_reply(
                msg_id, cell, timeout, task_poll_output_msg, task_poll_kernel_alive
            )
        )
        probe = None
        try:
            while True:
                waiting = {reply} if probe is None else {reply, probe}
                await asyncio.wait(
                    waiting, timeout=HEARTBEAT_SECONDS, return_when=asyncio.FIRST_COMPLETED
                )
                if reply.done():
                    return reply.result()
                if probe is None:
                    probe = asyncio.ensure_future(self._kernel_answers())
                elif probe.done():
                    probe.result()  # a probe that failed says why
                    await asyncio.wait({reply}, timeout=LOST_REPLY_GRACE)
                    if reply.done():
                        return reply.result()
                    # the old kernel is shut down next: its death is no news to report
                    task_poll_kernel_alive.cancel()
                    raise LostKernelReply(_index(self.nb.cells, cell))
        finally:
            for task in (reply, probe):
                if task is not None and not task.done():
                    task.cancel()
                    with contextlib.suppress(BaseException):
                        await task

    async def _kernel_answers(self) -> None:
        """Return once the kernel has answered a kernel_info request sent now.

        NOTE: the question goes over a client of its own with a session of its own: the
        kernel routes replies by session identity, so a second client of the same session
        would take the cell's reply for itself."""
        from jupyter_client.session import Session

        session = Session(
            key=self.km.session.key, signature_scheme=self.km.session.signature_scheme
        )
        client = self.km.client(session=session)
        client.start_channels(iopub=False, stdin=False, hb=False, control=False)
        try:
            asked = client.kernel_info()
            while True:
                answer = await client.get_shell_msg()
                if answer["parent_header"].get("msg_id") == asked:
                    return
        finally:
            client.stop_channels()


def _index(cells, cell) -> int | None:
    return next((i for i, c in enumerate(cells) if c is cell), None)


class WatchedEngine(NBClientEngine):
    """papermill's nbclient engine, running `WatchedNotebookClient`."""

    @classmethod
    def execute_managed_notebook(
        cls,
        nb_man,
        kernel_name,
        log_output=False,
        stdout_file=None,
        stderr_file=None,
        start_timeout=60,
        execution_timeout=None,
        **kwargs,
    ):
        # As NBClientEngine.execute_managed_notebook (papermill 2.x), with another client.
        kwargs = remove_args(["input_path"], **kwargs)
        safe_kwargs = remove_args(["timeout", "startup_timeout"], **kwargs)
        final_kwargs = merge_kwargs(
            safe_kwargs,
            timeout=execution_timeout if execution_timeout else kwargs.get("timeout"),
            startup_timeout=start_timeout,
            kernel_name=kernel_name,
            log=logger,
            log_output=log_output,
            stdout_file=stdout_file,
            stderr_file=stderr_file,
        )
        return WatchedNotebookClient(nb_man, **final_kwargs).execute()


papermill_engines.register(ENGINE_NAME, WatchedEngine)
