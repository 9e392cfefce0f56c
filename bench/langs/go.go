// The Go benchmark: the generated lookups against the obvious hand-written
// alternative, a linear scan of a table (strings.EqualFold for phrases),
// over every code, name and phrase of the registry (the phrases as written,
// then in upper case). bench/langs/go.sh
// builds it in a module beside the generated package (imported as
// bench/gen) and runs it as: bench ARTIFACT.json
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	reg "bench/gen"
)

// row is one entry of the hand-written table, as it would be typed in.
type row struct {
	code    int
	name    string
	phrases []string // the reason, former phrases and other spellings
}

// sink keeps the compiler from dropping the lookups' results.
var sink int

func main() {
	var artifact struct {
		Codes []struct {
			Code      int
			Name      string
			Reason    string
			Former    []string
			Spellings []string
		}
	}
	data, err := os.ReadFile(os.Args[1])
	if err == nil {
		err = json.Unmarshal(data, &artifact)
	}
	if err != nil {
		fmt.Println("bench:", err)
		os.Exit(1)
	}
	var table []row
	var codes []int
	var names, phrases []string
	for _, e := range artifact.Codes {
		all := append(append([]string{e.Reason}, e.Former...), e.Spellings...)
		table = append(table, row{e.Code, e.Name, all})
		codes = append(codes, e.Code)
		names = append(names, e.Name)
		phrases = append(phrases, all...)
	}

	report("from_reason", len(phrases), func() {
		for _, p := range phrases {
			s, _ := reg.FromReason(p)
			sink += int(s)
		}
	}, func() {
		for _, p := range phrases {
			sink += scanReason(table, p)
		}
	})
	// The same phrases in upper case: the generated lookup finds a phrase
	// as written at once, and lowers any other input first.
	upper := make([]string, len(phrases))
	for i, p := range phrases {
		upper[i] = strings.ToUpper(p)
	}
	report("from_reason_upper", len(upper), func() {
		for _, p := range upper {
			s, _ := reg.FromReason(p)
			sink += int(s)
		}
	}, func() {
		for _, p := range upper {
			sink += scanReason(table, p)
		}
	})
	report("from_code", len(codes), func() {
		for _, c := range codes {
			s, _ := reg.FromCode(c)
			sink += int(s)
		}
	}, func() {
		for _, c := range codes {
			sink += scanCode(table, c)
		}
	})
	report("from_name", len(names), func() {
		for _, n := range names {
			s, _ := reg.FromName(n)
			sink += int(s)
		}
	}, func() {
		for _, n := range names {
			sink += scanName(table, n)
		}
	})
}

func scanReason(table []row, phrase string) int {
	for i := range table {
		for _, p := range table[i].phrases {
			if strings.EqualFold(p, phrase) {
				return i
			}
		}
	}
	return -1
}

func scanCode(table []row, code int) int {
	for i := range table {
		if table[i].code == code {
			return i
		}
	}
	return -1
}

func scanName(table []row, name string) int {
	for i := range table {
		if table[i].name == name {
			return i
		}
	}
	return -1
}

// report times both passes over the same keys and prints one line.
func report(what string, keys int, generated, handWritten func()) {
	fmt.Printf("go %s: generated %.1f ns/op, hand-written %.1f ns/op\n",
		what, nsPerOp(generated, keys), nsPerOp(handWritten, keys))
}

// nsPerOp runs pass (KEYS lookups) for about 120 ms, after a warm-up that
// also finds how many passes that takes, and gives the time per lookup.
func nsPerOp(pass func(), keys int) float64 {
	rounds := 1
	for {
		start := time.Now()
		for i := 0; i < rounds; i++ {
			pass()
		}
		if elapsed := time.Since(start); elapsed > 20*time.Millisecond {
			rounds = int(float64(rounds) * float64(120*time.Millisecond) / float64(elapsed))
			break
		}
		rounds *= 2
	}
	start := time.Now()
	for i := 0; i < rounds; i++ {
		pass()
	}
	return float64(time.Since(start).Nanoseconds()) / float64(rounds*keys)
}
