// The probe of the generated Go package: tests/langs/go.sh builds it in a
// module beside the package (imported as probe/gen) and runs it as
//
//	probe ARTIFACT.json MODEL.json
//
// It checks every entry of the JSON artifact against the package: its
// constant's data, the three lookups and the predicates, then a few misses.
// MODEL.json (regen --dump-model) only says which entry of a shared code is
// primary: the artifact has no such key, and its order (by code, then name)
// does not tell. The package's own names differ per registry, so it is
// reached through the lookups' types (generics) and reflection.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"

	reg "probe/gen"
)

// entry is what the package's entry type must offer; ~int lets the probe
// make the constant of table index i as T(i).
type entry interface {
	~int
	Code() int
	Name() string
	Reason() string
	String() string
}

var failures int

func fail(format string, args ...interface{}) {
	failures++
	if failures <= 50 {
		fmt.Printf("FAIL: "+format+"\n", args...)
	}
}

func load(path string, into interface{}) {
	data, err := os.ReadFile(path)
	if err == nil {
		decoder := json.NewDecoder(bytes.NewReader(data))
		decoder.UseNumber() // 64-bit integer fields stay exact
		err = decoder.Decode(into)
	}
	if err != nil {
		fmt.Printf("FAIL: %s: %v\n", path, err)
		os.Exit(1)
	}
}

type object = map[string]interface{}

func main() {
	if len(os.Args) != 3 {
		fmt.Println("usage: probe ARTIFACT.json MODEL.json")
		os.Exit(2)
	}
	var artifact, model struct {
		Registry object
		Codes    []object
	}
	load(os.Args[1], &artifact)
	load(os.Args[2], &model)
	run(artifact.Registry, artifact.Codes, model.Codes, reg.Count, reg.FromCode, reg.FromReason, reg.FromName)
	if failures > 0 {
		fmt.Printf("%d failures\n", failures)
		os.Exit(1)
	}
}

func run[T entry](registry object, codes, modelCodes []object, count int,
	fromCode func(int) (T, bool), fromReason, fromName func(string) (T, bool)) {
	if count != len(codes) || len(modelCodes) != len(codes) {
		fail("Count is %d; the artifact has %d entries, the model %d", count, len(codes), len(modelCodes))
		return
	}
	// The primary entry of each code, by the model's _primary.
	primary := map[int]int{}
	for i, e := range modelCodes {
		if e["name"] != codes[i]["name"] {
			fail("entry %d is %v in the model, %v in the artifact", i, e["name"], codes[i]["name"])
		}
		if e["_primary"] == true {
			primary[integer(e["code"])] = i
		}
	}
	used := map[int]bool{}
	for i, e := range codes {
		s := T(i)
		code, name, reason := integer(e["code"]), text(e["name"]), text(e["reason"])
		used[code] = true
		if s.Code() != code || s.Name() != name || s.Reason() != reason || s.String() != name {
			fail("%s: constant %d has code %d, name %q, reason %q, String %q", name, i, s.Code(), s.Name(), s.Reason(), s.String())
		}
		if got, ok := fromName(name); !ok || got != s {
			fail("FromName(%q) = %s", name, show(got, ok))
		}
		if p, found := primary[code]; !found {
			fail("%s: the model has no primary entry for %d", name, code)
		} else if got, ok := fromCode(code); !ok || got != T(p) {
			fail("FromCode(%d) = %s; want %s", code, show(got, ok), T(p))
		}
		for _, phrase := range phrases(e) {
			for _, variant := range []string{phrase, upperASCII(phrase), lowerASCII(phrase), swapASCII(phrase)} {
				if got, ok := fromReason(variant); !ok || got != s {
					fail("FromReason(%q) = %s; want %s", variant, show(got, ok), name)
				}
			}
		}
		info := reflect.ValueOf(s).MethodByName("Info").Call(nil)[0]
		checkInfo(name, info, e)
		checkPredicates(s, registry, e)
		checkMisses(fromReason, fromName, e)
	}
	// Codes no entry has: below, above and inside the range.
	low, high := integer(registry["min"]), integer(registry["max"])
	misses := []int{low - 1, high + 1}
	for code := low; code <= high && code-low < 100000; code++ {
		if !used[code] {
			misses = append(misses, code)
			break
		}
	}
	for _, code := range misses {
		if got, ok := fromCode(code); ok {
			fail("FromCode(%d) = %v, want none", code, got)
		}
	}
	for _, phrase := range []string{"", " ", strings.Repeat("a", 1000)} {
		if got, ok := fromReason(phrase); ok {
			fail("FromReason(%q) = %v, want none", phrase, got)
		}
		if got, ok := fromName(phrase); ok {
			fail("FromName(%q) = %v, want none", phrase, got)
		}
	}
	for _, s := range []T{-1, T(count)} {
		if want := fmt.Sprintf("%s(%d)", reflect.TypeOf(s).Name(), int(s)); s.String() != want {
			fail("String() of %d is %q, want %q", int(s), s.String(), want)
		}
	}
	// The lookups allocate nothing, on a hit or a miss, in any case; the
	// longest phrase, where a copy could not live on the stack.
	longest := codes[0]
	for _, e := range codes {
		if len(text(e["reason"])) > len(text(longest["reason"])) {
			longest = e
		}
	}
	reason, name := text(longest["reason"]), text(longest["name"])
	for _, phrase := range []string{reason, upperASCII(reason), swapASCII(reason), reason + "?"} {
		if n := testing.AllocsPerRun(10, func() { fromReason(phrase) }); n != 0 {
			fail("FromReason(%q) allocates %v times", phrase, n)
		}
	}
	if n := testing.AllocsPerRun(10, func() { fromName(name); fromCode(integer(longest["code"])) }); n != 0 {
		fail("FromName or FromCode allocates %v times", n)
	}
	checkClasses(T(0), registry)
	checkReadOnly[T](count)
}

// checkMisses: near misses of one entry's phrases and name must find nothing.
func checkMisses[T entry](fromReason, fromName func(string) (T, bool), e object) {
	reason, name := text(e["reason"]), text(e["name"])
	near := []string{reason + " ", " " + reason, reason + "\x00", strings.Replace(reason, " ", "\x00", 1)}
	// Letters that Unicode folds to ASCII ones (the Kelvin sign to k, the
	// long s to s): an ASCII-only comparison must not take them.
	for _, pair := range [][2]string{{"k", "\u212a"}, {"K", "\u212a"}, {"s", "\u017f"}, {"S", "\u017f"}} {
		if strings.Contains(reason, pair[0]) {
			near = append(near, strings.Replace(reason, pair[0], pair[1], 1))
		}
	}
	for _, phrase := range near {
		if phrase == reason {
			continue // a phrase without a space
		}
		if got, ok := fromReason(phrase); ok {
			fail("FromReason(%q) = %v, want none", phrase, got)
		}
	}
	for _, miss := range []string{lowerASCII(name), name + " ", name[:len(name)-1]} {
		if got, ok := fromName(miss); ok && got.Name() != miss {
			fail("FromName(%q) = %v, want none", miss, got)
		}
	}
}

// checkInfo compares every field of Info() with the artifact's entry: each
// key of the entry must be a field, and a field without a key must be zero.
func checkInfo(name string, info reflect.Value, e object) {
	matched := map[string]bool{}
	for key, want := range e {
		field := goName(key)
		value := info.FieldByName(field)
		if !value.IsValid() {
			fail("%s: Info has no field %s for %q", name, field, key)
			continue
		}
		matched[field] = true
		if got, ok := same(value, want); !ok {
			fail("%s: Info.%s is %#v, the artifact has %#v", name, field, got, want)
		}
	}
	for i := 0; i < info.NumField(); i++ {
		field := info.Type().Field(i).Name
		if !matched[field] && !info.Field(i).IsZero() {
			fail("%s: Info.%s is %v, but the artifact has no value", name, field, info.Field(i))
		}
	}
}

// same compares a field with a JSON value, and says what it saw.
func same(value reflect.Value, want interface{}) (interface{}, bool) {
	switch got := value.Interface().(type) {
	case interface{ Names() []string }: // flags, a set
		names := append([]string(nil), got.Names()...)
		sort.Strings(names)
		wanted := strings.Join(sortedTexts(want), ",")
		return names, strings.Join(names, ",") == wanted && len(names) == len(sortedTexts(want))
	case string:
		return got, want == got
	case []string:
		list, ok := want.([]interface{})
		if !ok || len(list) != len(got) {
			return got, false
		}
		for i := range got {
			if list[i] != got[i] {
				return got, false
			}
		}
		return got, true
	case bool:
		return got, want == got
	case fmt.Stringer: // class, status, enum values
		return got.String(), want == got.String()
	}
	switch value.Kind() {
	case reflect.Int, reflect.Int64, reflect.Int32:
		number, ok := want.(json.Number)
		wanted, err := number.Int64()
		return value.Int(), ok && err == nil && wanted == value.Int()
	}
	return value.Interface(), false
}

// checkPredicates: Is<Class>() against the class's range, Is<Flag>()
// against the entry's flags.
func checkPredicates(s interface{}, registry, e object) {
	value := reflect.ValueOf(s)
	code := integer(e["code"])
	flags := map[string]bool{}
	for _, flag := range sortedTexts(e["flags"]) {
		flags[flag] = true
	}
	ask := func(what string, want bool) {
		method := value.MethodByName("Is" + goName(what))
		if !method.IsValid() {
			fail("no method Is%s", goName(what))
		} else if got := method.Call(nil)[0].Bool(); got != want {
			fail("%s.Is%s() = %v", e["name"], goName(what), got)
		}
	}
	for _, c := range list(registry["classes"]) {
		ask(text(c["name"]), integer(c["min"]) <= code && code <= integer(c["max"]))
	}
	for _, f := range list(registry["flags"]) {
		ask(text(f["name"]), flags[text(f["name"])])
	}
}

// checkClasses: the class type, reached through Info().Class, describes
// each class of the registry in order.
func checkClasses(s interface{}, registry object) {
	classes := list(registry["classes"])
	field := reflect.ValueOf(s).MethodByName("Info").Call(nil)[0].FieldByName("Class")
	if !field.IsValid() {
		if len(classes) > 0 {
			fail("Info has no Class field")
		}
		return
	}
	for i, c := range classes {
		class := reflect.ValueOf(i).Convert(field.Type())
		call := func(method string, args ...interface{}) interface{} {
			in := make([]reflect.Value, len(args))
			for j, arg := range args {
				in[j] = reflect.ValueOf(arg)
			}
			return class.MethodByName(method).Call(in)[0].Interface()
		}
		description, _ := c["description"].(string)
		low, high := integer(c["min"]), integer(c["max"])
		if call("String") != c["name"] || call("Title") != c["title"] || call("Description") != description {
			fail("class %d is %v, %q, %q", i, call("String"), call("Title"), call("Description"))
		}
		if call("Contains", low) != true || call("Contains", high) != true ||
			call("Contains", low-1) != false || call("Contains", high+1) != false {
			fail("class %v: Contains is wrong at its bounds %d, %d", c["name"], low, high)
		}
	}
}

// checkReadOnly: changing what Info() returns leaves the table as it was.
func checkReadOnly[T entry](count int) {
	for i := 0; i < count; i++ {
		info := reflect.ValueOf(T(i)).MethodByName("Info")
		former := info.Call(nil)[0].FieldByName("Former")
		if former.Len() == 0 {
			continue
		}
		was := former.Index(0).String()
		former.Index(0).SetString("changed")
		if now := info.Call(nil)[0].FieldByName("Former").Index(0).String(); now != was {
			fail("Info() shares its Former list with the table: %q became %q", was, now)
		}
		return
	}
}

// show describes a lookup's result.
func show[T entry](got T, ok bool) string {
	if !ok {
		return "none"
	}
	return got.String()
}

// phrases: the reason, the former phrases and the other spellings.
func phrases(e object) []string {
	all := []string{text(e["reason"])}
	for _, key := range []string{"former", "spellings"} {
		if items, ok := e[key].([]interface{}); ok {
			for _, item := range items {
				all = append(all, text(item))
			}
		}
	}
	return all
}

// goName converts a key of the artifact (lower case, '_' between words)
// to the Go field or method name: not_found gives NotFound, url URL.
func goName(key string) string {
	if key == "url" {
		return "URL"
	}
	var name strings.Builder
	for _, word := range strings.Split(key, "_") {
		if word != "" {
			name.WriteString(strings.ToUpper(word[:1]) + word[1:])
		}
	}
	return name.String()
}

func mapASCII(s string, change func(byte) byte) string {
	out := []byte(s)
	for i, c := range out {
		out[i] = change(c)
	}
	return string(out)
}

func lowerASCII(s string) string {
	return mapASCII(s, func(c byte) byte {
		if 'A' <= c && c <= 'Z' {
			return c + 32
		}
		return c
	})
}

func upperASCII(s string) string {
	return mapASCII(s, func(c byte) byte {
		if 'a' <= c && c <= 'z' {
			return c - 32
		}
		return c
	})
}

func swapASCII(s string) string {
	return mapASCII(s, func(c byte) byte {
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			return c ^ 32
		}
		return c
	})
}

func text(value interface{}) string {
	s, _ := value.(string)
	return s
}

func integer(value interface{}) int {
	number, _ := value.(json.Number)
	n, _ := number.Int64()
	return int(n)
}

func list(value interface{}) []object {
	var out []object
	items, _ := value.([]interface{})
	for _, item := range items {
		if o, ok := item.(object); ok {
			out = append(out, o)
		}
	}
	return out
}

func sortedTexts(value interface{}) []string {
	var out []string
	items, _ := value.([]interface{})
	for _, item := range items {
		out = append(out, text(item))
	}
	sort.Strings(out)
	return out
}
