package io.guestgate.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module and package rules of docs/architecture.md, checked on the compiled production classes of every module
 * on this test's class path (webex, webex-emulator, platform, domain, bot, landing, app). Test classes, including the
 * modules' test jars, are left out: tests may reach across.
 */
class ArchitectureTest {

    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("io.guestgate");

    @Test
    void theProductIsAllThere() {
        // The rules below pass vacuously on an empty import; this is what makes them able to fail.
        for (String module : new String[] {"webex", "emulator", "platform", "domain", "bot", "landing", "app"}) {
            assertThat(PRODUCT.containPackage("io.guestgate." + module))
                    .as("classes of io.guestgate." + module)
                    .isTrue();
        }
    }

    @Test
    void botAndLandingNeverImportEachOther() {
        noClasses()
                .that()
                .resideInAPackage("io.guestgate.bot..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.guestgate.landing..")
                .because("the bot and the guest pages meet only in Redis and in the domain's types")
                .check(PRODUCT);
        noClasses()
                .that()
                .resideInAPackage("io.guestgate.landing..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.guestgate.bot..")
                .because("the bot and the guest pages meet only in Redis and in the domain's types")
                .check(PRODUCT);
    }

    @Test
    void theDomainKnowsNoneOfItsUsers() {
        noClasses()
                .that()
                .resideInAPackage("io.guestgate.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.guestgate.bot..", "io.guestgate.landing..", "io.guestgate.app..", "io.guestgate.sandbox..")
                .check(PRODUCT);
    }

    @Test
    void thePlatformKnowsNothingOfTheDomain() {
        noClasses()
                .that()
                .resideInAPackage("io.guestgate.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.guestgate.domain..",
                        "io.guestgate.bot..",
                        "io.guestgate.landing..",
                        "io.guestgate.app..",
                        "io.guestgate.sandbox..")
                .because("Redis streams, sealing, metrics and the Webex wiring serve any domain")
                .check(PRODUCT);
    }

    @Test
    void theWebexClientKnowsNothingOfGuestGate() {
        noClasses()
                .that()
                .resideInAPackage("io.guestgate.webex..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.guestgate.platform..",
                        "io.guestgate.domain..",
                        "io.guestgate.bot..",
                        "io.guestgate.landing..",
                        "io.guestgate.app..",
                        "io.guestgate.emulator..")
                .check(PRODUCT);
    }

    @Test
    void theEmulatorImportsNoProductClass() {
        noClasses()
                .that()
                .resideInAPackage("io.guestgate.emulator..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.guestgate.webex..",
                        "io.guestgate.platform..",
                        "io.guestgate.domain..",
                        "io.guestgate.bot..",
                        "io.guestgate.landing..",
                        "io.guestgate.app..")
                .because("it stands in for Webex and is built from Cisco's specs, not from our client")
                .check(PRODUCT);
    }

    @Test
    void productionCodeNeverReachesTheOfflineWorld() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.guestgate.webex..",
                        "io.guestgate.platform..",
                        "io.guestgate.domain..",
                        "io.guestgate.bot..",
                        "io.guestgate.landing..",
                        "io.guestgate.app..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.guestgate.emulator..",
                        "io.guestgate.sandbox..",
                        "no.nav.security.mock..",
                        "com.icegreen.greenmail..",
                        "redis.embedded..")
                .because("the production jar carries no emulator, mock identity provider, mail server or Redis")
                .check(PRODUCT);
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.guestgate.(**)").should().beFreeOfCycles().check(PRODUCT);
    }
}
