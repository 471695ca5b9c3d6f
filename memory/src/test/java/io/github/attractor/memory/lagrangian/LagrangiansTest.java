package io.github.attractor.memory.lagrangian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.core.error.UnknownNameException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The registry: names, aliases, parameters, round trips and error messages. */
class LagrangiansTest {

    @Test
    void namesAreTheCanonicalOnes() {
        assertEquals(List.of("relu", "sigmoid", "softmax", "tanh", "identity", "layernorm", "smooth-leaky-relu"),
                Lagrangians.names());
    }

    @Test
    void everyNameParsesAndItsNameParsesBack() {
        for (String name : Lagrangians.names()) {
            Lagrangian l = Lagrangians.parse(name);
            assertTrue(l.name().startsWith(name), l.name());
            assertEquals(l, Lagrangians.parse(l.name()));
            assertEquals(l.name(), Lagrangians.parse(l.name()).name());
        }
    }

    @Test
    void defaultsAndParameters() {
        assertEquals(new LogSumExpLagrangian(1.0), Lagrangians.parse("softmax"));
        assertEquals("softmax:beta=1", Lagrangians.parse("softmax").name());
        assertEquals("softmax:beta=2", Lagrangians.parse("softmax:beta=2").name());
        assertEquals(2.0, ((LogSumExpLagrangian) Lagrangians.parse("softmax:beta=2")).beta(), 0.0);
        assertEquals("softmax:beta=0.1", Lagrangians.parse("softmax:beta=0.1").name());
        assertEquals(new LayerNormLagrangian(1, 0, 1e-5), Lagrangians.parse("layernorm"));
        LayerNormLagrangian ln = (LayerNormLagrangian) Lagrangians.parse("layernorm:gamma=1,delta=0,eps=1e-5");
        assertEquals(new LayerNormLagrangian(), ln);
        assertEquals("layernorm:gamma=1,delta=0,eps=1.0E-5", ln.name());
        LayerNormLagrangian partial = (LayerNormLagrangian) Lagrangians.parse("layernorm:eps=0.25,gamma=3");
        assertEquals(3.0, partial.gamma(), 0.0);
        assertEquals(0.0, partial.delta(), 0.0);
        assertEquals(0.25, partial.eps(), 0.0);
        assertEquals(new LogSumExpLagrangian(2.5), Lagrangians.parse("  SoftMax : Beta = 2.5 "));
    }

    @Property(tries = 200)
    void parametrizedNamesRoundTrip(@ForAll("logUniform") double beta, @ForAll("logUniform") double gamma,
            @ForAll("logUniform") double delta, @ForAll("logUniform") double eps, @ForAll boolean negativeDelta) {
        double d = negativeDelta ? -delta : delta;
        for (Lagrangian l : List.of(new LogSumExpLagrangian(beta), new LayerNormLagrangian(gamma, d, eps))) {
            assertEquals(l, Lagrangians.parse(l.name()));
        }
    }

    /** Arbitrary doubles between 1e-8 and 1e8 (log-uniform), most with 17 significant digits. */
    @Provide
    Arbitrary<Double> logUniform() {
        return Arbitraries.doubles().between(-8, 8).ofScale(9).map(e -> Math.pow(10, e));
    }

    @ParameterizedTest
    @CsvSource({"softplus, sigmoid", "logsumexp, softmax:beta=1", "logsumexp:beta=3, softmax:beta=3",
        "logcosh, tanh", "linear, identity", "LINEAR, identity", "Relu, relu"})
    void aliases(String alias, String canonical) {
        assertEquals(Lagrangians.parse(canonical), Lagrangians.parse(alias));
        assertEquals(canonical, Lagrangians.parse(alias).name());
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        UnknownNameException e = assertThrows(UnknownNameException.class, () -> Lagrangians.parse("foo"));
        assertTrue(e.getMessage().startsWith("unknown Lagrangian 'foo'; known: relu, sigmoid, softmax, tanh,"),
                e.getMessage());
        for (String name : Lagrangians.names()) {
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
        assertThrows(UnknownNameException.class, () -> Lagrangians.parse(""));
        assertThrows(UnknownNameException.class, () -> Lagrangians.parse("foo:beta=1"));
        assertInstanceOf(InvalidInputException.class, e);
        assertEquals(2, e.exitCode());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "softmax:beta=-1 | beta", "softmax:beta=0 | beta", "softmax:beta=abc | beta", "softmax:beta=NaN | beta",
        "softmax:beta=Infinity | beta", "softmax:temperature=1 | temperature", "relu:beta=1 | beta",
        "tanh:gain=2 | gain", "layernorm:eps=0 | eps", "layernorm:eps=-1e-5 | eps", "layernorm:gamma=-1 | gamma",
        "layernorm:gamma=0 | gamma", "layernorm:delta=Infinity | delta", "layernorm:delta=x | delta",
        "softmax:beta | beta", "softmax:beta=1,beta=2 | beta", "softmax:beta= | beta", "softmax: | ''",
        "softmax:=2 | '=2'"})
    void badParametersAreNamed(String spec, String parameter) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Lagrangians.parse(spec));
        assertTrue(e.getMessage().contains(parameter), e.getMessage());
        assertTrue(!(e instanceof UnknownNameException), "a bad parameter is not an unknown name");
    }

    @Test
    void nullSpecIsInvalidInput() {
        assertThrows(InvalidInputException.class, () -> Lagrangians.parse(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"block[3*relu;4*softmax:beta=2]", "block[1*layernorm:gamma=2,delta=-1,eps=0.5;2*tanh]",
        "block[2*block[1*relu;1*sigmoid];3*smooth-leaky-relu]", "block[5*identity]"})
    void blockNamesRoundTrip(String spec) {
        Lagrangian l = Lagrangians.parse(spec);
        assertInstanceOf(BlockLagrangian.class, l);
        assertEquals(spec, l.name());
        assertEquals(l, Lagrangians.parse(l.name()));
    }

    @Test
    void blockSpecsAreReadLeniently() {
        Lagrangian l = Lagrangians.parse(" block[ 3 * relu ; 4*logsumexp:beta=2 ] ");
        assertEquals("block[3*relu;4*softmax:beta=2]", l.name());
        assertEquals(7, l.fixedDimension());
    }

    @ParameterizedTest
    @ValueSource(strings = {"block[3relu]", "block[x*relu]", "block[0*relu]", "block[-2*relu]", "block[2*relu",
        "block[]", "block[2*relu;]", "block[2*softmax:beta=-1]"})
    void badBlockSpecsAreInvalidInput(String spec) {
        assertThrows(InvalidInputException.class, () -> Lagrangians.parse(spec));
    }

    @Test
    void unknownNameInsideABlock() {
        assertThrows(UnknownNameException.class, () -> Lagrangians.parse("block[2*relu;2*foo]"));
    }

    @Test
    void constructorsRejectBadParameters() {
        assertThrows(InvalidInputException.class, () -> new LogSumExpLagrangian(0));
        assertThrows(InvalidInputException.class, () -> new LogSumExpLagrangian(Double.NaN));
        assertThrows(InvalidInputException.class, () -> new LayerNormLagrangian(0, 0, 1));
        assertThrows(InvalidInputException.class, () -> new LayerNormLagrangian(1, 0, 0));
        assertThrows(InvalidInputException.class, () -> new LayerNormLagrangian(1, Double.NaN, 1));
        assertThrows(ShapeMismatchException.class,
                () -> new BlockLagrangian(List.of(new ReluLagrangian()), new int[] {1, 2}));
    }
}
