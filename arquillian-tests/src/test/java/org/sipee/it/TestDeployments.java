package org.sipee.it;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Builds the archives the tests deploy from what the build produced (target/deployments). */
public final class TestDeployments {

    /** Where the test variant of the adapter listens. */
    public static final int TEST_SIP_PORT = 5070;
    public static final int TEST_RTP_MIN = 21000;
    public static final int TEST_RTP_MAX = 21099;
    /** The test adapter's answerTimeoutSeconds. */
    public static final int TEST_ANSWER_TIMEOUT_SECONDS = 5;

    private TestDeployments() {
    }

    static File built(String name) {
        File file = new File(System.getProperty("sipee.deployments", "target/deployments"), name);
        if (!file.isFile()) {
            throw new IllegalStateException("missing " + file + ": run the build (mvn install) first");
        }
        return file;
    }

    /** The built media-rar.rar as is (port 5060, RFC timers). */
    public static ResourceAdapterArchive productionRar() {
        return ShrinkWrap.createFromZipFile(ResourceAdapterArchive.class, built("media-rar.rar"));
    }

    /** The built rar with test settings: port 5070, T1 50 ms (timers end 10x sooner), its own RTP range, 5 s answer timeout. */
    public static ResourceAdapterArchive testRar() {
        return rarWith(TEST_SIP_PORT, 50);
    }

    /** The built rar with this SIP port and T1, and the test RTP range. */
    public static ResourceAdapterArchive rarWith(int sipPort, int t1Millis) {
        return rarWith(sipPort, t1Millis, Map.of());
    }

    /** As {@link #rarWith(int, int)}, with more config-properties (name to value), e.g. mediaTimeoutSeconds. */
    public static ResourceAdapterArchive rarWith(int sipPort, int t1Millis, Map<String, String> more) {
        ResourceAdapterArchive rar = productionRar();
        rar.delete("META-INF/ironjacamar.xml");
        Map<String, String> config = new LinkedHashMap<>();
        config.put("sipPort", Integer.toString(sipPort));
        config.put("t1Millis", Integer.toString(t1Millis));
        config.put("rtpPortMin", Integer.toString(TEST_RTP_MIN));
        config.put("rtpPortMax", Integer.toString(TEST_RTP_MAX));
        config.put("answerTimeoutSeconds", Integer.toString(TEST_ANSWER_TIMEOUT_SECONDS));
        config.putAll(more); // a test's own values replace these
        String properties = config.entrySet().stream()
                .map(p -> "  <config-property name=\"" + p.getKey() + "\">" + p.getValue() + "</config-property>\n")
                .collect(Collectors.joining());
        return rar.addAsManifestResource(new StringAsset("""
                <ironjacamar>
                %s  <transaction-support>NoTransaction</transaction-support>
                  <connection-definitions>
                    <connection-definition class-name="org.sipee.rar.SipManagedConnectionFactory"
                        jndi-name="java:/sip/SipConnectionFactory" pool-name="SipConnectionFactory"/>
                  </connection-definitions>
                </ironjacamar>
                """.formatted(properties)), "ironjacamar.xml");
    }

    /** An EAR like the demo's: the built session jar in lib, plus a war with the test and its handlers. */
    public static EnterpriseArchive testEar(String name, Class<?>... classes) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(TestHandlers.class, SipPhone.class, SipResponse.class, Poll.class, TestDeployments.class, Tones.class)
                .addClasses(classes)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        JavaArchive session = ShrinkWrap.createFromZipFile(JavaArchive.class, built("session.jar"));
        return ShrinkWrap.create(EnterpriseArchive.class, name + ".ear")
                .addAsLibrary(session)
                .addAsModule(Testable.archiveToTest(war))
                .addAsManifestResource(new StringAsset(deploymentStructure(name)), "jboss-deployment-structure.xml");
    }

    /**
     * The demo EAR as built, with a war of the test and these classes added (the demo's beans and the session layer
     * in its lib, so the test can inject the SessionRegistry and read the demo jar's resources).
     */
    public static EnterpriseArchive demoEarWith(String name, Class<?>... classes) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(SipPhone.class, SipResponse.class, Poll.class, TestDeployments.class, Tones.class)
                .addClasses(classes)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, built("sipee-demo.ear"));
        ear.delete("META-INF/application.xml"); // it lists no modules: without it every war in the EAR is one
        ear.delete("META-INF/jboss-deployment-structure.xml");
        return ear.addAsModule(Testable.archiveToTest(war))
                .addAsManifestResource(new StringAsset(deploymentStructure(name)), "jboss-deployment-structure.xml");
    }

    /** The EAR and its war see the adapter's classes (API, engine) from the deployed rar. */
    private static String deploymentStructure(String warName) {
        return """
                <jboss-deployment-structure xmlns="urn:jboss:deployment-structure:1.3">
                  <deployment>
                    <dependencies><module name="deployment.media-rar.rar"/></dependencies>
                  </deployment>
                  <sub-deployment name="%s.war">
                    <dependencies><module name="deployment.media-rar.rar"/></dependencies>
                  </sub-deployment>
                </jboss-deployment-structure>
                """.formatted(warName);
    }
}
