package com.crashanalytics.api.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.crashanalytics.api.testing.DemoFleet;
import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.api.testing.TestApiKeys;
import com.crashanalytics.simulator.demo.DashboardQueries;
import com.crashanalytics.simulator.demo.DemoResult;
import com.crashanalytics.simulator.play.SimulatedSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console in a real browser (Debian's headless chromium through its chromedriver; {@code .ci/run} installs both)
 * against the gateway loaded with the simulator's demo, once for every step: each dashboard page draws its charts
 * with the series and points the API's own answers call for, GraphiQL runs a demo query, the key stays in the tab's
 * sessionStorage, the browser logs no error, and no request leaves the gateway's origin. Every run takes the
 * screenshots (into {@code target/console-screenshots}); the README's are refreshed by running it with
 * {@code -Dconsole.screenshots=../docs/screenshots}, so an ordinary build leaves the work tree clean.
 */
@GatewayIntegrationTest
class ConsoleBrowserIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    static final Path SCREENSHOTS = Path.of(System.getProperty("console.screenshots", "target/console-screenshots"));

    @LocalServerPort
    int port;

    private ChromeDriver browser;
    private final List<LogEntry> consoleLog = new ArrayList<>();
    private final Set<String> requestedUrls = new TreeSet<>();

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @TestFactory
    Stream<DynamicTest> theConsoleShowsTheDemoFleet() {
        DemoResult demo = DemoFleet.load(port);
        assertThat(demo.succeeded()).as("the demo ran: %s", demo.failures()).isTrue();
        String key = new TestApiKeys(port).dashboard();
        browser = startBrowser();
        return Stream.of(
                dynamicTest("pages and assets are open, with a strict Content-Security-Policy", this::pagesAreOpenWithHeaders),
                dynamicTest("fleet: one row per bot, status, sparklines", () -> fleet(key, demo)),
                dynamicTest("bot: equity with drawdowns, periods, sessions, last rounds", () -> bot(demo)),
                dynamicTest("strategies side by side and the leaderboard", this::strategies),
                dynamicTest("fairness: distribution, survival, gaps", this::fairness),
                dynamicTest("signals: calibration and Brier score", this::signals),
                dynamicTest("errors and OCR quality", this::quality),
                dynamicTest("live: rounds, sessions and crashes pushed as they commit", this::live),
                dynamicTest("GraphiQL renders the demo tabs and runs DemoFleet", this::graphiql),
                dynamicTest("the browser logged no error", this::noConsoleErrors),
                dynamicTest("no request left the gateway's origin", this::everyRequestStayedHome));
    }

    // -----------------------------------------------------------------------------------------------------------

    void pagesAreOpenWithHeaders() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/console", "/graphiql", "/console/assets/dashboard.js", "/console/assets/graphiql.css")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(origin() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(policy).as(path).contains("default-src 'none'", "script-src 'self'", "connect-src 'self'",
                    "frame-ancestors 'none'");
            String scripts = policy.substring(policy.indexOf("script-src"));
            assertThat(scripts.substring(0, scripts.indexOf(';'))).doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        }
        // The API's own answers are not the console's: they keep the API chain (and a key is still required).
        assertThat(GraphQlClient.anonymous(port).execute("{ bots { totalCount } }").status()).isEqualTo(401);
    }

    void fleet(String key, DemoResult demo) throws IOException {
        // One bot starts a new session now and is running; the others' last sessions have ended.
        api("""
                mutation { startSession(input: {botId: "sim-bot-01", sessionId: "console-live", gameName: "aviator",
                                                platformCode: "dafabet", initialBalance: 500}) { session { status } } }""");
        browser.get(origin() + "/console");
        waitFor(d -> panelState("fleet").equals("no-key"));
        browser.findElement(By.id("api-key")).sendKeys(key);
        browser.findElement(By.cssSelector("#key-form button[type=submit]")).click();
        waitForPanels("fleet");

        // The key is the tab's: in sessionStorage, never in localStorage.
        assertThat((String) script("return Object.values(sessionStorage).join(' ')")).contains(key);
        assertThat((String) script("return Object.values(localStorage).join(' ')")).doesNotContain(key);

        List<WebElement> rows = browser.findElements(By.cssSelector("#fleet-table tbody tr"));
        Map<String, SimulatedSession> latest = latestSessionPerBot(demo);
        assertThat(rows).hasSize(latest.size());
        // Over all time (the picker's default) the sparklines are daily.
        JsonNode curves = api("{ bots { edges { node { botId equityCurve(bucket: DAY) { periodStart } } } } }")
                .data("bots.edges");
        for (JsonNode edge : curves) {
            String botId = edge.path("node").path("botId").asString();
            WebElement row = browser.findElement(By.cssSelector("#fleet-table tbody tr[data-key='" + botId + "']"));
            SimulatedSession last = latest.get(botId);
            // Every demo session has ended: a bot is bust when its last one left less than one base stake (10).
            String expected = botId.equals("sim-bot-01") ? "running"
                    : last.finalBalance().compareTo(BigDecimal.TEN) < 0 ? "bust" : "stopped";
            assertThat(row.findElement(By.cssSelector(".status")).getText()).as(botId).isEqualTo(expected);
            assertThat(row.findElement(By.cssSelector("svg.sparkline")).getDomAttribute("data-points")).as(botId)
                    .isEqualTo(String.valueOf(edge.path("node").path("equityCurve").size()));
        }
        // Sortable: a click on "P/L" orders the rows by it.
        browser.findElement(By.xpath("//table[@id='fleet-table']//th[text()='P/L']")).click();
        List<Double> profits = browser.findElements(By.cssSelector("#fleet-table tbody tr td:nth-child(6)")).stream()
                .map(cell -> Double.parseDouble(cell.getText())).toList();
        assertThat(profits).isSortedAccordingTo(Comparator.naturalOrder());
        // "Show query" reveals the panel's GraphQL document.
        browser.findElement(By.cssSelector("[data-panel=fleet] .show-query")).click();
        assertThat(browser.findElement(By.cssSelector("[data-panel=fleet] pre.query")).getText())
                .contains("query ConsoleFleet", "equityCurve(bucket: $bucket", "\"bucket\": \"DAY\"");
        browser.findElement(By.cssSelector("[data-panel=fleet] .show-query")).click();
        screenshot("fleet");
    }

    void bot(DemoResult demo) throws IOException {
        String botId = "sim-bot-02";
        browser.findElement(By.linkText(botId)).click();
        waitForPanels("bot-summary", "bot-equity", "bot-periods", "bot-sessions");

        long rounds = demo.sessions().stream().filter(s -> s.botId().equals(botId)).mapToLong(s -> s.rounds().size()).sum();
        assertChart("bot-equity-chart", 2, (int) Math.min(rounds, 500));
        int days = api("{ bot(botId: \"" + botId + "\") { equityCurve(bucket: DAY) { periodStart } } }")
                .data("bot.equityCurve").size();
        assertChart("bot-periods-chart", 2, days);
        assertThat(browser.findElements(By.cssSelector("#period-table tbody tr"))).hasSize(days);
        assertThat(browser.findElements(By.cssSelector("#session-table tbody tr")))
                .hasSize((int) demo.sessions().stream().filter(s -> s.botId().equals(botId)).count());
        assertThat(browser.findElements(By.cssSelector("#last-rounds tbody tr"))).hasSize((int) Math.min(rounds, 20));

        new Select(browser.findElement(By.id("period-bucket"))).selectByValue("HOUR");
        waitFor(d -> panelState("bot-periods").equals("loaded") && panelTitle("bot-periods").contains("hour"));
        int hours = api("{ bot(botId: \"" + botId + "\") { equityCurve(bucket: HOUR) { periodStart } } }")
                .data("bot.equityCurve").size();
        assertChart("bot-periods-chart", 2, hours);
        screenshot("bot");
    }

    void strategies() throws IOException {
        browser.get(origin() + "/console#/strategies");
        waitForPanels("strategies", "leaderboard");
        int strategies = api("{ strategies { name } }").data("strategies").size();
        assertThat(strategies).isEqualTo(3);
        assertChart("strategies-chart", 2, strategies);
        assertThat(browser.findElements(By.cssSelector("#strategy-table tbody tr"))).hasSize(strategies);
        assertThat(browser.findElements(By.cssSelector("#leaderboard-table tbody tr"))).hasSize(3);
        screenshot("strategies");

        // The time range picker becomes every panel's window: the demo's rounds all fall in the last 24 hours.
        new Select(browser.findElement(By.id("range"))).selectByValue("24");
        waitForPanels("strategies", "leaderboard");
        browser.findElement(By.cssSelector("[data-panel=strategies] .show-query")).click();
        assertThat(browser.findElement(By.cssSelector("[data-panel=strategies] pre.query")).getText())
                .contains("strategies(window: $window)", "\"window\": {", "\"from\": \"");
        assertThat(browser.findElements(By.cssSelector("#strategy-table tbody tr"))).hasSize(strategies);
        new Select(browser.findElement(By.id("range"))).selectByValue("0");
    }

    void fairness() throws IOException {
        browser.get(origin() + "/console#/fairness");
        waitForPanels("platforms");
        new Select(browser.findElement(By.id("fairness-table"))).selectByValue("aviator@dafabet");
        waitFor(d -> panelState("fairness").equals("loaded") && panelTitle("fairness").contains("aviator at dafabet"));
        GraphQlResponse answer = api("""
                { multiplierDistribution(game: "aviator", platform: "dafabet") { buckets { count } survival { multiplier } }
                  streaks(game: "aviator", platform: "dafabet", threshold: 10) { histogram { observed } } }""");
        assertThat(answer.data("multiplierDistribution.buckets").size()).isEqualTo(10);
        assertChart("histogram-chart", 2, 10);
        assertChart("survival-chart", 2, answer.data("multiplierDistribution.survival").size());
        assertChart("gaps-chart", 2, answer.data("streaks.histogram").size());
        screenshot("fairness");
    }

    void signals() throws IOException {
        browser.get(origin() + "/console#/signals");
        waitForPanels("signals");
        JsonNode types = api("{ signalEffectiveness(buckets: 10) { signalType buckets { score { meanConfidence } } } }")
                .data("signalEffectiveness");
        assertThat(types.size()).isPositive();
        List<WebElement> calibrations = browser.findElements(By.cssSelector(".chart.calibration"));
        assertThat(calibrations).hasSize(types.size());
        for (JsonNode type : types) {
            WebElement chart = browser.findElement(By.cssSelector(
                    ".chart.calibration[data-signal-type='" + type.path("signalType").asString() + "']"));
            assertThat(chart.getDomAttribute("data-series")).isEqualTo("2");
            assertThat(chart.getDomAttribute("data-points")).isEqualTo(String.valueOf(type.path("buckets").size()));
            assertThat(chart.findElements(By.tagName("canvas"))).isNotEmpty();
        }
        assertChart("brier-chart", 2, types.size());
        screenshot("signals");
    }

    void quality() throws IOException {
        browser.get(origin() + "/console#/quality");
        waitForPanels("quality");
        int errorTypes = api("{ errorSummary { errorType } }").data("errorSummary").size();
        assertThat(errorTypes).isPositive();
        assertChart("errors-chart", 2, errorTypes);
        assertChart("ocr-chart", 3, 3);
        assertThat(browser.findElements(By.cssSelector("#error-table tbody tr"))).hasSize(errorTypes);
        assertThat(browser.findElements(By.cssSelector("#ocr-table tbody tr"))).hasSize(3);
        screenshot("quality");
    }

    void live() throws IOException {
        browser.get(origin() + "/console#/live");
        waitFor(d -> "live".equals(d.findElement(By.id("live-status")).getText()));
        // The page subscribes live, without after: a round logged before the gateway registered the subscription is
        // not shown, so the bot logs one round after another until one appears (the first, unless the machine crawls).
        int round = 0;
        boolean shown = false;
        while (!shown && round < 10) {
            round++;
            api("mutation { logRound(input: {botId: \"sim-bot-01\", sessionId: \"console-live\", roundNumber: " + round
                    + ", roundOutcome: LOSS, stakeValue: 5, crashMultiplier: 1.07}) { duplicate } }");
            try {
                new WebDriverWait(browser, Duration.ofSeconds(3)).until(d -> !d.findElements(
                        By.cssSelector("#live-rounds tbody tr")).isEmpty());
                shown = true;
            } catch (org.openqa.selenium.TimeoutException notYet) {
                // not registered yet: the next round will be
            }
        }
        assertThat(shown).as("a logged round appeared on the live page without a reload").isTrue();
        List<String> cells = browser.findElements(By.cssSelector("#live-rounds tbody tr:first-child td")).stream()
                .map(WebElement::getText).toList();
        assertThat(cells.subList(0, 5)).containsExactly("sim-bot-01", "console-live", String.valueOf(round), "LOSS", "5.00");
        assertThat(cells.get(7)).isEqualTo("-5.00");
        waitFor(d -> !d.findElements(By.cssSelector("#live-crashes tbody tr")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#live-crashes tbody tr:first-child td:nth-child(2)")).getText())
                .isEqualTo("1.07x");

        api("mutation { endSession(input: {botId: \"sim-bot-01\", sessionId: \"console-live\", status: COMPLETED}) { duplicate } }");
        waitFor(d -> !d.findElements(By.cssSelector("#live-sessions tbody tr.ENDED")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#live-sessions tbody tr.ENDED td:nth-child(3)")).getText())
                .isEqualTo("console-live");
        screenshot("live");
    }

    void graphiql() throws IOException {
        // The key entered on the dashboard is still this tab's: GraphiQL needs no second entry.
        browser.get(origin() + "/graphiql");
        waitFor(d -> !d.findElements(By.cssSelector(".graphiql-container .graphiql-execute-button")).isEmpty());
        List<String> tabs = browser.findElements(By.cssSelector(".graphiql-tab")).stream().map(WebElement::getText).toList();
        assertThat(tabs).containsExactly("DemoFleet", "DemoStrategies", "DemoFairness");
        // The tabs hold the README's queries, from the same file the simulator prints them from.
        String editor = (String) script("return document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.getValue()");
        assertThat(editor).isEqualTo(DashboardQueries.all().get(0));
        assertThat(browser.findElements(By.cssSelector("[aria-label$='GraphiQL Explorer']"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("[aria-label$='Documentation Explorer']"))).isNotEmpty();

        browser.findElement(By.cssSelector(".graphiql-execute-button")).click();
        waitFor(d -> response().contains("\"totalCount\""));
        JsonNode answer = JSON.readTree(response());
        assertThat(answer.path("errors").isMissingNode()).as(response()).isTrue();
        assertThat(answer.path("data").path("bots").path("totalCount").asInt()).isEqualTo(3);
        // And it is on screen, not only in the editor's model.
        assertThat(browser.findElement(By.cssSelector(".graphiql-response")).getText()).contains("\"totalCount\": 3");
        screenshot("graphiql");

        // Subscriptions (once the schema has them) go over graphql-transport-ws on the same origin, which the page's
        // Content-Security-Policy allows, with the key as GraphiQL's fetcher sends it in connection_init.
        Object ack = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const key = Object.values(sessionStorage).find(value => value.startsWith('cag_'));
                const socket = new WebSocket(location.origin.replace(/^http/, 'ws') + '/graphql', 'graphql-transport-ws');
                socket.onopen = () => socket.send(JSON.stringify(
                    {type: 'connection_init', payload: {Authorization: 'Bearer ' + key}}));
                socket.onmessage = (event) => { done(JSON.parse(event.data).type); socket.close(); };
                socket.onerror = () => done('error');
                socket.onclose = (event) => done('closed ' + event.code);""");
        assertThat(ack).isEqualTo("connection_ack");
    }

    void noConsoleErrors() {
        drainLogs();
        assertThat(consoleLog).as("the browser's console").filteredOn(entry -> entry.getLevel().intValue() >= 900)
                .extracting(LogEntry::getMessage).isEmpty();
    }

    void everyRequestStayedHome() {
        drainLogs();
        assertThat(requestedUrls).as("what the browser requested").isNotEmpty()
                .anyMatch(url -> url.endsWith("/graphql"))
                .anyMatch(url -> url.endsWith("/console/assets/graphiql.js"));
        // The gateway's origin over HTTP and its WebSocket; data: URLs are the fonts inside the bundled CSS.
        String webSocket = origin().replaceFirst("^http", "ws");
        assertThat(requestedUrls).allMatch(url -> url.startsWith(origin() + "/") || url.startsWith(webSocket + "/")
                || url.startsWith("data:"), "on " + origin());
    }

    // -----------------------------------------------------------------------------------------------------------

    private String origin() {
        return "http://localhost:" + port;
    }

    private GraphQlResponse api(String document) {
        GraphQlResponse response = new GraphQlClient(port).execute(document, Map.of());
        assertThat(response.errors()).as(response.body()).isEmpty();
        return response;
    }

    private static Map<String, SimulatedSession> latestSessionPerBot(DemoResult demo) {
        return demo.sessions().stream().collect(Collectors.toMap(SimulatedSession::botId, Function.identity(),
                (a, b) -> a.startedAt().isAfter(b.startedAt()) ? a : b));
    }

    private String response() {
        Object text = script("const cm = document.querySelector('.graphiql-response .CodeMirror');"
                + "return cm ? cm.CodeMirror.getValue() : ''");
        return text == null ? "" : text.toString();
    }

    private void assertChart(String id, int series, int points) {
        WebElement chart = browser.findElement(By.id(id));
        assertThat(chart.getDomAttribute("data-series")).as(id + " series").isEqualTo(String.valueOf(series));
        assertThat(chart.getDomAttribute("data-points")).as(id + " points").isEqualTo(String.valueOf(points));
        assertThat(chart.findElements(By.cssSelector(".uplot canvas"))).as(id + " canvas").isNotEmpty();
        // uPlot's legend: the x series and one row per drawn series.
        assertThat(chart.findElements(By.cssSelector(".u-legend .u-series"))).as(id + " legend").hasSize(series + 1);
    }

    private String panelState(String panel) {
        List<WebElement> found = browser.findElements(By.cssSelector("[data-panel='" + panel + "']"));
        return found.isEmpty() ? "" : String.valueOf(found.get(0).getDomAttribute("data-state"));
    }

    private String panelTitle(String panel) {
        return browser.findElement(By.cssSelector("[data-panel='" + panel + "'] h2")).getText();
    }

    private void waitForPanels(String... panels) {
        waitFor(d -> Stream.of(panels).allMatch(panel -> !panelState(panel).isEmpty() && !panelState(panel).equals("loading")));
        for (String panel : panels) {
            assertThat(panelState(panel)).as(panel + ": " + browser.findElement(By.cssSelector(
                    "[data-panel='" + panel + "'] .panel-body")).getText()).isEqualTo("loaded");
        }
    }

    private void waitFor(Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new WebDriverWait(browser, PATIENCE).until(condition::apply);
    }

    private Object script(String js) {
        return ((JavascriptExecutor) browser).executeScript(js);
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        script("window.scrollTo(0, 0)");
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Moves the browser's console and network logs (they are handed out once) into this test's lists. */
    private void drainLogs() {
        browser.manage().logs().get(LogType.BROWSER).forEach(consoleLog::add);
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            String method = message.path("method").asString();
            JsonNode params = message.path("params");
            // What the console's pages asked for (the browser's own start page, chrome://new-tab-page, is not theirs).
            if (method.equals("Network.requestWillBeSent") && params.path("documentURL").asString().startsWith(origin())) {
                requestedUrls.add(params.path("request").path("url").asString());
            } else if (method.equals("Network.webSocketCreated")) {
                requestedUrls.add(params.path("url").asString());
            }
        }
    }

    private static ChromeDriver startBrowser() {
        Path chromium = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        Path driver = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
        assertThat(chromium).as("the console's browser tests need Debian's chromium (apt-get install chromium "
                + "chromium-driver; .ci/run installs it), or -Dchromium.binary=...").isExecutable();
        assertThat(driver).as("the console's browser tests need chromedriver (apt-get install chromium-driver), "
                + "or -Dchromedriver.binary=...").isExecutable();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        try {
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1400,1000",
                    "--user-data-dir=" + Files.createTempDirectory("console-chromium"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        logs.enable(LogType.PERFORMANCE, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
