package service

import "strings"

// creditCodeAlphabet is GB 32100-2015's character set: digits and capital
// letters without I, O, Z, S and V, each worth its index.
const creditCodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

var creditCodeWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// CreditCodeCheck computes the 18th character of a unified social credit code
// from its first 17 (ok is false if they are not all from the alphabet).
func CreditCodeCheck(first17 string) (check byte, ok bool) {
	if len(first17) != 17 {
		return 0, false
	}
	sum := 0
	for i := 0; i < 17; i++ {
		v := strings.IndexByte(creditCodeAlphabet, first17[i])
		if v < 0 {
			return 0, false
		}
		sum += v * creditCodeWeights[i]
	}
	return creditCodeAlphabet[(31-sum%31)%31], true
}

// checkCreditCode returns the message key of what is wrong with a code, or "".
func checkCreditCode(code string) string {
	if len(code) != 18 || strings.Trim(code, creditCodeAlphabet) != "" {
		return "credit_code_format"
	}
	if check, _ := CreditCodeCheck(code[:17]); check != code[17] {
		return "credit_code_checksum"
	}
	return ""
}
