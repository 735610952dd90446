package org.graalpyos.functions.socket;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.graalpyos.edge.Arguments;
import org.graalpyos.language.Builtin;
import org.graalpyos.language.NativeCall;
import org.graalpyos.language.OsContext;
import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.SocketCalls;

/**
 * The bodies of socket's if_nameindex, if_nametoindex, if_indextoname, getprotobyname and
 * sethostname, which graalpy_os/socket_.py parses as CPython 3.12 does (by hand: CPython parses
 * them with PyArg_ParseTuple or METH_O, so they have no __text_signature__).
 */
public final class NetworkNames {
    private NetworkNames() {
    }

    public static List<Builtin> internal() {
        return List.of(new Interfaces(), new InterfaceIndex(), new InterfaceName(), new ProtocolNumber(), new SetHostName());
    }

    /** if_nameindex(3): each interface as two items, its index (decimal) and its name. */
    static final class Interfaces extends NativeCall {
        Interfaces() {
            super("network_interfaces() -> [bytes]", null, "if_nameindex");
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            List<SocketCalls.NetworkInterface> interfaces = SocketCalls.interfaces(errnoState);
            if (interfaces == null) {
                throw context.errors().osError(Downcalls.capturedErrno(errnoState), null);
            }
            List<byte[]> items = new ArrayList<>();
            for (SocketCalls.NetworkInterface networkInterface : interfaces) {
                items.add(Integer.toUnsignedString(networkInterface.index()).getBytes(StandardCharsets.US_ASCII));
                items.add(networkInterface.name());
            }
            return items;
        }
    }

    /** if_nametoindex(3): the index (unsigned int), 0 when no interface has the name. */
    static final class InterfaceIndex extends NativeCall {
        InterfaceIndex() {
            super("network_interface_index(name: bytes) -> long", null, "if_nametoindex");
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            return Integer.toUnsignedLong(SocketCalls.interfaceIndex(errnoState, args.bytes("name")));
        }
    }

    /** if_indextoname(3) of the index's unsigned int: the name, or OSError with errno. */
    static final class InterfaceName extends NativeCall {
        InterfaceName() {
            super("network_interface_name(index: long) -> bytes", null, "if_indextoname");
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            byte[] name = SocketCalls.interfaceName(errnoState, (int) (long) args.longInteger("index"));
            if (name == null) {
                throw context.errors().osError(Downcalls.capturedErrno(errnoState), null);
            }
            return name;
        }
    }

    /** getprotobyname(3): the protocol's number, -1 when there is none. */
    static final class ProtocolNumber extends NativeCall {
        ProtocolNumber() {
            super("protocol_number(name: bytes) -> int", null, "getprotobyname");
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            return SocketCalls.protocolNumber(errnoState, args.bytes("name"));
        }
    }

    /** sethostname(2). */
    static final class SetHostName extends NativeCall {
        SetHostName() {
            super("set_host_name(name: bytes) -> None", null, "sethostname");
        }

        @Override
        protected Object call(OsContext context, Arguments args, Arena arena, MemorySegment errnoState) {
            context.errors().checked(SocketCalls.setHostName(errnoState, args.bytes("name")));
            return null;
        }
    }
}
