package org.loadcast.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlameGraphPageTest {

  private static final String XSS = "x.Y.</script><img src=x onerror=alert(1)>";

  @Test
  void render_foldedStacks_drawsEveryFrameOffline() {
    String html = FlameGraphPage.render(List.of("main;a.A.work;a.A.hotLoop 80", "main;a.A.work;a.A.coldLoop 20"), "sut");
    assertThat(html).startsWith("<!DOCTYPE html>").contains("hotLoop", "coldLoop", "<h1>sut</h1>");
    assertThat(html).doesNotContain("<script src", "<link ", "@import");
  }

  @Test
  void render_scriptClosingMethodName_staysText() {
    String html = FlameGraphPage.render(List.of("main;" + XSS + " 3"), "<b>title</b>");
    // the name stays inside its JavaScript string: the page's own script tag is the only one closed
    assertThat(html.split("</script>", -1)).hasSize(2);
    assertThat(html).contains("<\\/script><img src=x onerror=alert(1)>").contains("<h1>&lt;b&gt;title&lt;/b&gt;</h1>");
  }

  @Test
  void render_noStacks_isAnEmptyGraph() {
    assertThat(FlameGraphPage.render(List.of(), "empty")).contains("<canvas");
  }
}
