package org.loadcast.dbdemo;

import org.junit.jupiter.api.Test;
import org.loadcast.Loopback;
import org.postgresql.ds.PGSimpleDataSource;

/** The demo's shop service listens on loopback only; it reaches its database only when a request comes. */
class ShopServiceLoopbackTest {

  @Test
  void shopService_listensOnLoopbackOnly() throws Exception {
    try (ShopService service = new ShopService(new PGSimpleDataSource(), 1, false, null)) {
      Loopback.assertOnlyLoopback(service.url());
    }
  }
}
