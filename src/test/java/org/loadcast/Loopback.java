package org.loadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.util.Optional;

/**
 * Checks that a server listens on loopback only: its URL's host is a loopback address, a connection
 * there succeeds, and a connection to the same port on this machine's first non-loopback IPv4 address
 * is refused. Machines without such an address check the first two only.
 */
public final class Loopback {
  private Loopback() {}

  /**
   * Asserts the server at this URL listens on loopback only.
   *
   * @param url the server's URL, such as {@code http://127.0.0.1:8000/}
   * @throws IOException if the machine's interfaces cannot be listed
   */
  public static void assertOnlyLoopback(String url) throws IOException {
    URI uri = URI.create(url);
    InetAddress host = InetAddress.getByName(uri.getHost());
    assertThat(host.isLoopbackAddress()).as("the host of " + url).isTrue();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, uri.getPort()), 2000);
    }
    Optional<InetAddress> outside = firstNonLoopbackAddress();
    if (outside.isPresent()) {
      assertThatThrownBy(() -> {
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress(outside.get(), uri.getPort()), 2000);
        }
      }).as("a connection to " + outside.get().getHostAddress() + ":" + uri.getPort()).isInstanceOf(ConnectException.class);
    }
  }

  /**
   * Returns this machine's first IPv4 address that is not loopback, of an interface that is up.
   *
   * @return the address; empty if there is none
   * @throws SocketException if the interfaces cannot be listed
   */
  public static Optional<InetAddress> firstNonLoopbackAddress() throws SocketException {
    return NetworkInterface.networkInterfaces().filter(Loopback::up)
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isAnyLocalAddress())
        .findFirst();
  }

  private static boolean up(NetworkInterface network) {
    try {
      return network.isUp();
    } catch (SocketException e) {
      return false;
    }
  }
}
